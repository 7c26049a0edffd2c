import { describe, expect, it } from "vitest";
import { TICKET_STATUSES, type CaseStatus, type SessionStatus, type TicketStatus } from "../protocol/model.ts";
import { canApply, RESULT_OF, type TicketAction } from "./ticket-lifecycle.ts";
import { acceptsJoins, canMoveSession, canServe, queueOpenAfter } from "./session-lifecycle.ts";
import { canMoveCase, canRate } from "./case-lifecycle.ts";

const TICKET = TICKET_STATUSES;

describe("ticket transitions", () => {
  const allowed: Record<TicketAction, TicketStatus[]> = {
    call: ["WAITING"],
    start: ["CALLED"],
    finish: ["CALLED", "SPEAKING"],
    noShow: ["WAITING", "CALLED"],
    requeue: ["CALLED", "NO_SHOW", "LEFT"],
    prioritize: ["WAITING"],
    leave: ["WAITING", "CALLED"],
  };
  for (const [action, from] of Object.entries(allowed) as [TicketAction, TicketStatus[]][]) {
    it(`${action} is allowed from ${from.join(", ")} and refused from every other status`, () => {
      for (const status of TICKET) expect(canApply(action, status), `${action} from ${status}`).toBe(from.includes(status));
    });
  }
  it("lead to the statuses of the contract", () => {
    expect(RESULT_OF).toMatchObject({ call: "CALLED", start: "SPEAKING", finish: "DONE", noShow: "NO_SHOW", requeue: "WAITING", leave: "LEFT" });
  });
});

describe("session transitions", () => {
  const ok: [SessionStatus, SessionStatus][] = [
    ["SCHEDULED", "OPEN"], ["OPEN", "LIVE"], ["LIVE", "PAUSED"], ["PAUSED", "LIVE"], ["LIVE", "ENDED"], ["PAUSED", "ENDED"], ["OPEN", "ENDED"],
  ];
  const refused: [SessionStatus, SessionStatus][] = [
    ["ENDED", "LIVE"], ["ENDED", "OPEN"], ["SCHEDULED", "LIVE"], ["LIVE", "OPEN"], ["PAUSED", "OPEN"], ["SCHEDULED", "PAUSED"],
  ];
  it.each(ok)("%s → %s is allowed", (from, to) => expect(canMoveSession(from, to)).toBe(true));
  it.each(refused)("%s → %s is refused", (from, to) => expect(canMoveSession(from, to)).toBe(false));

  it("accepts joins only with the queue open and the day not over", () => {
    expect(acceptsJoins("OPEN", true)).toBe(true);
    expect(acceptsJoins("LIVE", true)).toBe(true);
    expect(acceptsJoins("LIVE", false)).toBe(false);
    expect(acceptsJoins("SCHEDULED", true)).toBe(false);
    expect(acceptsJoins("ENDED", true)).toBe(false);
    expect(canServe("PAUSED")).toBe(true);
    expect(canServe("ENDED")).toBe(false);
  });

  it("closes the queue when the day ends and opens it when the day opens", () => {
    expect(queueOpenAfter("ENDED", true)).toBe(false);
    expect(queueOpenAfter("OPEN", false)).toBe(true);
    expect(queueOpenAfter("LIVE", false)).toBe(false);
    expect(queueOpenAfter("PAUSED", true)).toBe(true);
  });
});

describe("case transitions", () => {
  const ok: [CaseStatus, CaseStatus][] = [
    ["OPEN", "ASSIGNED"], ["ASSIGNED", "IN_PROGRESS"], ["IN_PROGRESS", "RESOLVED"], ["RESOLVED", "CLOSED"], ["OPEN", "REJECTED"], ["IN_PROGRESS", "REJECTED"],
  ];
  const refused: [CaseStatus, CaseStatus][] = [["OPEN", "RESOLVED"], ["OPEN", "CLOSED"], ["CLOSED", "OPEN"], ["REJECTED", "OPEN"], ["RESOLVED", "REJECTED"]];
  it.each(ok)("%s → %s is allowed", (from, to) => expect(canMoveCase(from, to)).toBe(true));
  it.each(refused)("%s → %s is refused", (from, to) => expect(canMoveCase(from, to)).toBe(false));
  it("lets a voter rate once, after resolution", () => {
    expect(canRate("RESOLVED", false)).toBe(true);
    expect(canRate("CLOSED", false)).toBe(true);
    expect(canRate("IN_PROGRESS", false)).toBe(false);
    expect(canRate("RESOLVED", true)).toBe(false);
  });
});
