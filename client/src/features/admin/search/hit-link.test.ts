import { describe, expect, it } from "vitest";
import { hitLink } from "./hit-link.ts";

describe("hitLink", () => {
  it("opens a message on its case's page, not the message's own id", () => {
    expect(hitLink({ kind: "message", id: "m1", sessionId: null, caseId: "c1" })).toBe("/admin/cases/c1");
  });

  it("opens a case on its page and a ticket or transcript line in its session's record", () => {
    expect(hitLink({ kind: "case", id: "c1", sessionId: "s1", caseId: "c1" })).toBe("/admin/cases/c1");
    expect(hitLink({ kind: "ticket", id: "t1", sessionId: "s1", caseId: "c1" })).toBe("/admin/records/s1#ticket-t1");
    expect(hitLink({ kind: "transcript", id: "e1", sessionId: "s1", caseId: null })).toBe("/admin/records/s1#entry-e1");
  });

  it("stays on the search page when a hit has nowhere to go", () => {
    expect(hitLink({ kind: "message", id: "m1", sessionId: null, caseId: null })).toBe("/admin/search");
  });
});
