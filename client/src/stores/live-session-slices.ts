/**
 * What each live page reads from the live-session store. A page subscribes to
 * its slice (compared shallowly by useWatchedSession), so it re-renders when
 * a field it shows changes — never for the viewer count, which ViewerCount
 * reads on its own. Pure; live-session-slices.test.ts holds them to that.
 */
import type { LiveSessionState } from "./live-session-reducer.ts";

export const voterPageSlice = (s: LiveSessionState) => ({
  session: s.session,
  tickets: s.tickets,
  transcript: s.transcript,
  streamStopped: s.streamStopped,
});

export const hallPageSlice = (s: LiveSessionState) => ({ session: s.session, tickets: s.tickets, transcript: s.transcript, cases: s.cases });

export const deskPageSlice = (s: LiveSessionState) => ({ session: s.session, tickets: s.tickets });

export const screenPageSlice = (s: LiveSessionState) => ({ session: s.session, tickets: s.tickets, transcript: s.transcript, lastCall: s.lastCall });
