import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { once, requestKey } from "./request-once.ts";

const sha = (s: string) => createHash("sha256").update(s).digest("hex");
const uniqueViolation = () => Object.assign(new Error("Unique constraint failed"), { code: "P2002" });

describe("requestKey", () => {
  it("keeps the keys rows were stored under before it existed, so a retry across an upgrade still finds its first answer", () => {
    expect(requestKey("ticket", "s1", "r-1")).toBe(sha("request:s1:r-1"));
    expect(requestKey("transcript", "s1", "r-1")).toBe(sha("request:s1:r-1"));
    expect(requestKey("booking", "s1", "r-1")).toBe(sha("booking-request:s1:r-1"));
    expect(requestKey("message", "v1", "r-1")).toBe(sha("message-request:v1:r-1"));
  });

  it("scopes an id: the same requestId on two days, or at two venues, is two requests", () => {
    expect(requestKey("booking", "s1", "r-1")).not.toBe(requestKey("booking", "s2", "r-1"));
    expect(requestKey("message", "v1", "r-1")).not.toBe(requestKey("message", "v2", "r-1"));
  });
});

describe("once", () => {
  it("answers the winner's row when the insert lost a race on the key", async () => {
    const answer = await once("k", () => Promise.reject(uniqueViolation()), async (key) => ({ from: key }));
    expect(answer).toEqual({ from: "k" });
  });

  it("rethrows a unique violation it cannot answer, and any other error as it is", async () => {
    await expect(once("k", () => Promise.reject(uniqueViolation()), async () => null)).rejects.toMatchObject({ code: "P2002" });
    await expect(once("k", () => Promise.reject(new Error("disk full")), async () => ({}))).rejects.toThrow("disk full");
  });

  it("without a requestId, never looks for an earlier answer", async () => {
    let looked = false;
    await expect(
      once(null, () => Promise.reject(uniqueViolation()), async () => {
        looked = true;
        return {};
      }),
    ).rejects.toMatchObject({ code: "P2002" });
    expect(looked).toBe(false);
  });
});
