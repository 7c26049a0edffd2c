import { describe, expect, it } from "vitest";
import { currentLogin, loginChanged, onAuthSignal, query, routeUrl, signalAuth, type AuthSignal } from "./api.ts";

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

describe("routeUrl", () => {
  it("fills the path's params encoded, and the query from its defined, non-empty values", () => {
    expect(routeUrl("GET /api/duty/deputies/:name", { params: { name: "沈 晓/鹏" }, query: { from: "2026-01-01", to: "" } })).toBe(
      `/api/duty/deputies/${encodeURIComponent("沈 晓/鹏")}?from=2026-01-01`,
    );
    expect(routeUrl("GET /api/venues")).toBe("/api/venues");
  });

  it("writes a date as ISO and leaves out null and undefined", () => {
    expect(query({ at: new Date("2026-12-07T00:00:00.000Z"), a: null, b: undefined, n: 0, ok: false })).toBe("?at=2026-12-07T00%3A00%3A00.000Z&n=0&ok=false");
    expect(query({})).toBe("");
  });
});
