/**
 * One rule for every create that takes a requestId, over the socket or HTTP
 * (docs/ARCHITECTURE.md §5, §6): the same requestId returns the first answer
 * and writes nothing. Each create
 * 1. stores `requestKey(kind, scope, requestId)` on its row (a hash: the id
 *    itself is the client's, and the key is unique per scope),
 * 2. looks the key up inside its write first (a retry after a lost answer),
 * 3. runs through `once()`, so that should two inserts ever race (two nodes),
 *    the loser's unique violation answers with the winner's row.
 * A secret the first answer carried (a voter or booking token) comes back
 * sealed under the requestId (secrets.ts), so only its sender can open it.
 */
import { isUniqueViolation } from "../store/unique-violation.ts";
import { sha256 } from "./privacy-and-accounts/secrets.ts";

/** What is created; a ticket and a transcript line share the session's key space, as they always have. */
export type RequestKind = "ticket" | "transcript" | "booking" | "message";

const PREFIX: Record<RequestKind, string> = {
  ticket: "request",
  transcript: "request",
  booking: "booking-request",
  message: "message-request",
};

/** The stored key of a requestId within its scope (a session for tickets, lines and bookings; a venue for messages). */
export const requestKey = (kind: RequestKind, scope: string, requestId: string): string => sha256(`${PREFIX[kind]}:${scope}:${requestId}`);

/** Runs `create`; if it lost a race on `key`'s unique index, answers what the winner stored instead. */
export async function once<A>(key: string | null, create: () => Promise<A>, firstAnswer: (key: string) => Promise<A | null>): Promise<A> {
  if (key === null) return create();
  try {
    return await create();
  } catch (e) {
    if (isUniqueViolation(e)) {
      const first = await firstAnswer(key);
      if (first) return first;
    }
    throw e;
  }
}
