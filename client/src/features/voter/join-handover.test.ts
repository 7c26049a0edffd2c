import { describe, expect, it } from "vitest";
import { heldCookie, heldOf } from "./held-cookie.ts";
import { caretWithin, draftFromStandIn, enteredAnything, type StandInFields } from "./join-handover.ts";

const blank: StandInFields = { name: "", phone: "", topic: "", question: "", wantsReply: false, isPublic: false, consent: false };

describe("the hand-over from the stand-in join form", () => {
  it("JoinForm starts from what the voter typed and checked, keeping its own other fields", () => {
    const empty = { ...blank, extra: "kept" };
    const draft = draftFromStandIn(empty, { ...blank, name: "赵一", topic: "路灯不亮", wantsReply: true, phone: "13800001111", consent: true });
    expect(draft).toEqual({ ...blank, extra: "kept", name: "赵一", topic: "路灯不亮", wantsReply: true, phone: "13800001111", consent: true });
  });

  it("an untouched stand-in has nothing to keep in view; one typed character or one check does", () => {
    expect(enteredAnything(blank)).toBe(false);
    expect(enteredAnything({ ...blank, question: "x" })).toBe(true);
    expect(enteredAnything({ ...blank, isPublic: true })).toBe(true);
  });

  it("a caret stays inside the value, and a field without one has none", () => {
    expect(caretWithin("赵一", [2, 2])).toEqual([2, 2]);
    expect(caretWithin("赵一", [1, 9])).toEqual([1, 2]);
    expect(caretWithin("", [-1, 3])).toEqual([0, 0]);
    expect(caretWithin("x", null)).toBeNull();
  });
});

describe("the held cookie", () => {
  it("a stored ticket wins over a booking; neither clears the cookie", () => {
    expect(heldOf(true, true)).toBe("ticket");
    expect(heldOf(false, true)).toBe("booking");
    expect(heldOf(false, false)).toBeNull();
  });

  it("lives on the session's own path only, carries no token, and is cleared with Max-Age=0", () => {
    expect(heldCookie("cmx4ek", "ticket", true)).toBe("tongxin_held=ticket; Path=/s/cmx4ek; SameSite=Lax; Secure; Max-Age=2592000");
    expect(heldCookie("cmx4ek", null, false)).toBe("tongxin_held=; Path=/s/cmx4ek; SameSite=Lax; Max-Age=0");
    expect(heldCookie("a;b", "booking", false)).toContain("Path=/s/a%3Bb;");
  });
});
