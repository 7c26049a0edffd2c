import { describe, expect, it } from "vitest";
import { checkChain, entryHash, type StoredEntry } from "./audit-chain.ts";

/** A chain of `n` entries as the service writes them. */
function chain(n: number): StoredEntry[] {
  const out: StoredEntry[] = [];
  let prev = "";
  for (let seq = 1; seq <= n; seq++) {
    const e = { seq, at: new Date(Date.UTC(2026, 11, 7, 9, 0, seq)), username: "staff.a", action: "session.update", target: `session:s${seq}`, result: "ok", prevHash: prev };
    const hash = entryHash(e);
    out.push({ ...e, hash });
    prev = hash;
  }
  return out;
}
const start = { anchorSeq: 0, anchorHash: "" };
const headOf = (entries: StoredEntry[]) => ({ seq: entries.at(-1)?.seq ?? 0, hash: entries.at(-1)?.hash ?? "" });

describe("the audit chain", () => {
  it("verifies as written, also empty", () => {
    const c = chain(4);
    expect(checkChain(start, headOf(c), c)).toEqual({ ok: true, entries: 4 });
    expect(checkChain(start, { seq: 0, hash: "" }, [])).toEqual({ ok: true, entries: 0 });
  });

  it("hashes every field: a change to any of them breaks that entry", () => {
    for (const change of [{ username: "x" }, { action: "case.update" }, { target: "" }, { result: "FORBIDDEN" }, { at: new Date(0) }]) {
      const c = chain(4);
      c[2] = { ...c[2]!, ...change };
      expect(checkChain(start, headOf(chain(4)), c)).toMatchObject({ ok: false, firstBrokenAt: 3 });
    }
  });

  it("sees a removed entry, the newest removed, and a rehashed entry whose successor still names the old hash", () => {
    const c = chain(5);
    expect(checkChain(start, headOf(c), [...c.slice(0, 2), ...c.slice(3)])).toMatchObject({ ok: false, firstBrokenAt: 3 });
    expect(checkChain(start, headOf(c), c.slice(0, 4))).toMatchObject({ ok: false, firstBrokenAt: 5 });
    const forged = { ...c[1]!, target: "session:other" };
    const rehashed = [c[0]!, { ...forged, hash: entryHash({ ...forged, seq: 2, prevHash: forged.prevHash! }) }, ...c.slice(2)];
    expect(checkChain(start, headOf(c), rehashed)).toMatchObject({ ok: false, firstBrokenAt: 3 });
  });

  it("starts from the anchor once a prefix was pruned", () => {
    const c = chain(5);
    expect(checkChain({ anchorSeq: 2, anchorHash: c[1]!.hash! }, headOf(c), c.slice(2))).toEqual({ ok: true, entries: 3 });
    expect(checkChain({ anchorSeq: 2, anchorHash: "forged" }, headOf(c), c.slice(2))).toMatchObject({ ok: false, firstBrokenAt: 3 });
  });
});
