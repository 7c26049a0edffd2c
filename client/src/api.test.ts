import { describe, expect, it } from "vitest";
import { currentLogin, loginChanged, onAuthSignal, signalAuth, type AuthSignal } from "./api.ts";

describe("auth signals", () => {
  it("a refusal of a call sent under an earlier login does not end the login made since", () => {
    const heard: AuthSignal[] = [];
    onAuthSignal((s) => heard.push(s));
    const before = currentLogin();
    // The person logs in again while a call from before the idle timeout is still on its way.
    loginChanged();
    signalAuth("ended", before);
    expect(heard).toEqual([]);
    // A call sent under this login that is refused does end it.
    signalAuth("ended", currentLogin());
    signalAuth("passwordChangeRequired", currentLogin());
    expect(heard).toEqual(["ended", "passwordChangeRequired"]);
  });
});
