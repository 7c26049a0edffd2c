import { call } from "../../api.ts";
import { DataRightsActions } from "../privacy/DataRightsActions.tsx";

/** 我的数据 for a message-box message, with its tracking code as the key: download what is stored, or erase the name, phone and text. */
export function MessageDataActions({ trackingCode }: { trackingCode: string }) {
  return (
    <DataRightsActions
      load={() => call("GET /api/track/:trackingCode/data", { params: { trackingCode } })}
      erase={() => call("POST /api/track/:trackingCode/erase", { params: { trackingCode } })}
      fileName="tongxin-my-message.json"
      eraseConfirm="message.me.eraseConfirm"
      testId="message-data"
      heading="h2"
    />
  );
}
