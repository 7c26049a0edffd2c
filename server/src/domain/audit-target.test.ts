import { describe, expect, it } from "vitest";
import { parseAuditTarget } from "./audit-target.ts";

describe("an audit target read back", () => {
  it("names the ticket and the day of a phone shown in full, and a case's", () => {
    expect(parseAuditTarget("ticket:c4df667a session:cmx1")).toEqual({ ticketId: "c4df667a", sessionId: "cmx1" });
    expect(parseAuditTarget("case:k9")).toEqual({ caseId: "k9" });
  });

  it("names the day and what an export took", () => {
    expect(parseAuditTarget("session:s1 record.csv part=tickets phones=full")).toEqual({ sessionId: "s1", export: { kind: "csv", part: "tickets", phones: "full" } });
    expect(parseAuditTarget("session:s1 minutes")).toEqual({ sessionId: "s1", export: { kind: "minutes" } });
  });

  it("ignores what it does not know", () => {
    expect(parseAuditTarget("something else:entirely")).toEqual({});
  });
});
