import type { MessageDataExport } from "@protocol/messages.ts";
import { request } from "../../api.ts";
import { DataRightsActions } from "../privacy/DataRightsActions.tsx";

const path = (code: string, what: "data" | "erase") => `/api/track/${encodeURIComponent(code)}/${what}`;

/** 我的数据 for a message-box message, with its tracking code as the key: download what is stored, or erase the name, phone and text. */
export function MessageDataActions({ trackingCode }: { trackingCode: string }) {
  return (
    <DataRightsActions
      load={() => request<MessageDataExport>("GET", path(trackingCode, "data"))}
      erase={() => request<MessageDataExport>("POST", path(trackingCode, "erase"), {})}
      fileName="tongxin-my-message.json"
      eraseConfirm="message.me.eraseConfirm"
      testId="message-data"
      heading="h2"
    />
  );
}
