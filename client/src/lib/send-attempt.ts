/**
 * One requestId per content the voter sends (a message, docs/ARCHITECTURE.md §6d; a booking,
 * §6b; docs/ARCHITECTURE.md): pressing send again after a network failure
 * resends the same request, so if the first one did arrive the server answers
 * with its first answer (the tracking code; the booking and its token) and
 * creates nothing; once the content changes, or after a success, it is a new
 * request with a new id. Socket creates draw their ids from `newRequestId` too.
 */

export interface SendAttempt {
  /** the payload sent, serialized: the same text means the same request */
  content: string;
  requestId: string;
}

/** The attempt for sending `payload`: the previous one while the content is unchanged, else a fresh one. */
export function attemptFor(previous: SendAttempt | null, payload: unknown, newId: () => string = newRequestId): SendAttempt {
  const content = JSON.stringify(payload);
  return previous?.content === content ? previous : { content, requestId: newId() };
}

/** What `newRequestId` needs of `crypto` (a parameter, so both of its branches are testable). */
interface RandomSource {
  getRandomValues(bytes: Uint8Array<ArrayBuffer>): Uint8Array;
  randomUUID?: () => string;
}

/**
 * A random (version 4) UUID, which is what the route accepts. `randomUUID`
 * exists only in secure contexts (HTTPS, localhost): a station's page opened
 * over plain HTTP on the local network draws it from `getRandomValues`.
 */
export function newRequestId(source: RandomSource = crypto): string {
  if (typeof source.randomUUID === "function") return source.randomUUID();
  const b = source.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40; // version 4
  b[8] = (b[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
