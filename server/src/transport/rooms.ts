/** Socket.IO room names: one per session projection, one per voter ticket, one per login. */
export const publicRoom = (sessionId: string): string => `s:${sessionId}:public`;
export const staffRoom = (sessionId: string): string => `s:${sessionId}:staff`;
export const ticketRoom = (ticketId: string): string => `t:${ticketId}`;
/** §5b: the hall console that started a call, and the voter socket that accepted it. */
export const callHallRoom = (callId: string): string => `c:${callId}:hall`;
export const callVoterRoom = (callId: string): string => `c:${callId}:voter`;
/** §6b as built: the status pages following one booking (by its code, as GET /api/bookings/:code). */
export const bookingRoom = (code: string): string => `b:${code}`;
export const loginRoom = (tokenHash: string): string => `u:${tokenHash.slice(0, 32)}`;

/** The session a watch room belongs to, or null for other rooms. */
export function sessionOfRoom(room: string): string | null {
  const m = /^s:(.+):(public|staff)$/.exec(room);
  return m ? m[1]! : null;
}

/** The tickets whose own projection a socket receives: its `t:{ticketId}` rooms. */
export function ticketsFollowed(rooms: ReadonlySet<string>): string[] {
  return [...rooms].filter((r) => r.startsWith("t:")).map((r) => r.slice(2));
}
