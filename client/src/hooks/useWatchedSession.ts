import { useEffect } from "react";
import { openLiveSession } from "../socket.ts";
import { useLiveSession } from "../stores/live-session.ts";

/** Follows a session live while the calling view is mounted; returns its live state. */
export function useWatchedSession(sessionId: string | undefined, opts: { voter?: boolean } = {}) {
  const voter = !!opts.voter;
  useEffect(() => {
    if (!sessionId) return;
    return openLiveSession(sessionId, { voter });
  }, [sessionId, voter]);
  return useLiveSession();
}
