import { useEffect } from "react";
import { useSearchParams } from "react-router-dom";
import { adoptVoterToken } from "../../socket.ts";

/**
 * A paper ticket's QR code opens /s/:id?t=<voterToken>: keep the token on this
 * phone, then take it out of the address bar (and out of shared screenshots).
 * Declared before the live watch so the watch finds the token already stored.
 */
export function useTicketFromLink(sessionId: string | undefined): void {
  const [params, setParams] = useSearchParams();
  const token = params.get("t");
  useEffect(() => {
    if (!sessionId || !token) return;
    adoptVoterToken(sessionId, token);
    const rest = new URLSearchParams(params);
    rest.delete("t");
    setParams(rest, { replace: true });
  }, [sessionId, token, params, setParams]);
}
