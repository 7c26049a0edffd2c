import { useEffect } from "react";
import { useShallow } from "zustand/react/shallow";
import { openLiveSession } from "../socket.ts";
import { useLiveSession } from "../stores/live-session.ts";
import type { LiveSessionState } from "../stores/live-session-reducer.ts";

/**
 * Follows a session live while the calling view is mounted and returns the
 * slice of its live state that `select` picks. The slice is compared shallowly,
 * so a page re-renders only when what it reads changes — not on every viewer
 * count tick. Components that show the count read it themselves (ViewerCount).
 */
export function useWatchedSession<T>(
  sessionId: string | undefined,
  select: (s: LiveSessionState) => T,
  opts: { voter?: boolean; projection?: "public" } = {},
): T {
  const voter = !!opts.voter;
  const projection = opts.projection;
  useEffect(() => {
    if (!sessionId) return;
    return openLiveSession(sessionId, { voter, projection });
  }, [sessionId, voter, projection]);
  return useLiveSession(useShallow(select));
}
