import { useVoterTicket, voterTicketReceived } from "../../stores/voter-ticket.ts";
import { DataRightsActions } from "./DataRightsActions.tsx";
import { privacyApi } from "./privacy-api.ts";

/** 我的数据 on the ticket card: the voter token is the key. */
export function MyDataActions() {
  const voterToken = useVoterTicket((s) => s.voterToken);
  if (!voterToken) return null;
  return (
    <DataRightsActions
      load={() => privacyApi.myData(voterToken)}
      erase={() => privacyApi.eraseMyData(voterToken)}
      onErased={(data) => voterTicketReceived(data.ticket)}
      fileName="tongxin-my-data.json"
      eraseConfirm="privacy.me.eraseConfirm"
      testId="my-data"
      heading="h3"
    />
  );
}
