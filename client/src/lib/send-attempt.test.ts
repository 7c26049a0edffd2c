import { webcrypto } from "node:crypto";
import { describe, expect, it } from "vitest";
import { bookingCreateSchema, queueJoinSchema, uuidRequestId } from "@protocol/schemas.ts";
import { attemptFor, newRequestId } from "./send-attempt.ts";

const counter = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const payload = (text: string) => ({ name: "周阿姨", topic: "路灯", text, isPublic: false, consentVersion: 1 });

describe("a form's send attempts (the message and the booking form)", () => {
  it("keeps the requestId when the same content is sent again (after a network failure)", () => {
    const ids = counter();
    const first = attemptFor(null, payload("路灯坏了"), ids);
    expect(first.requestId).toBe("id-1");
    expect(attemptFor(first, payload("路灯坏了"), ids)).toBe(first);
    expect(attemptFor(first, { ...payload("路灯坏了") }, ids).requestId).toBe("id-1");
  });

  it("draws a new requestId once the content changes, or after a success (no previous attempt)", () => {
    const ids = counter();
    const first = attemptFor(null, payload("路灯坏了"), ids);
    const edited = attemptFor(first, payload("路灯坏了两个月"), ids);
    expect(edited.requestId).toBe("id-2");
    expect(attemptFor(edited, { ...payload("路灯坏了两个月"), isPublic: true }, ids).requestId).toBe("id-3");
    expect(attemptFor(null, payload("路灯坏了"), ids).requestId).toBe("id-4");
  });
});

describe("a requestId", () => {
  it("is a UUID the message and booking routes (and the socket's creates) accept, with randomUUID and without it (plain HTTP on the local network)", () => {
    const withoutRandomUuid = { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => webcrypto.getRandomValues(bytes) };
    const drawn = [newRequestId(), newRequestId(withoutRandomUuid), newRequestId(withoutRandomUuid)];
    for (const id of drawn) {
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(uuidRequestId.safeParse(id).success, id).toBe(true);
      expect(bookingCreateSchema.safeParse({ name: "周阿姨", topic: "路灯", isPublic: false, requestId: id }).success, id).toBe(true);
      // socket.ts sends the same ids with its creates (queue:join, desk:register, transcript:append).
      expect(queueJoinSchema.shape.requestId.safeParse(id).success, id).toBe(true);
    }
    expect(new Set(drawn).size).toBe(3);
  });

  it("sets the version and variant bits whatever the random bytes are", () => {
    const allOnes = { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => bytes.fill(0xff) };
    const allZeros = { getRandomValues: (bytes: Uint8Array<ArrayBuffer>) => bytes.fill(0) };
    expect(newRequestId(allOnes)).toBe("ffffffff-ffff-4fff-bfff-ffffffffffff");
    expect(newRequestId(allZeros)).toBe("00000000-0000-4000-8000-000000000000");
    expect(uuidRequestId.safeParse(newRequestId(allZeros)).success).toBe(true);
  });
});
