import { useEffect, useState } from "react";
import { useSearchParams } from "react-router-dom";
import { readInviteToken, storeInviteToken } from "./forum-api.ts";

/**
 * The RSVP page sends an online participant to /s/:id?invite=<token>: keep the
 * token on this phone (a reload, or coming back later, still has it), then take
 * it out of the address bar so a shared screenshot does not carry it.
 */
export function useInviteFromLink(sessionId: string | undefined): string | null {
  const [params, setParams] = useSearchParams();
  const fromLink = params.get("invite");
  const [token, setToken] = useState<string | null>(() => fromLink ?? (sessionId ? readInviteToken(sessionId) : null));
  useEffect(() => {
    if (!sessionId) return;
    if (fromLink) {
      storeInviteToken(sessionId, fromLink);
      setToken(fromLink);
      const rest = new URLSearchParams(params);
      rest.delete("invite");
      setParams(rest, { replace: true });
    } else {
      setToken(readInviteToken(sessionId));
    }
  }, [sessionId, fromLink, params, setParams]);
  return token;
}
