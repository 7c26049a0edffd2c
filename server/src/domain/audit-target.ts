/**
 * An audit entry's `target` as the services write it ("ticket:<id>
 * session:<id>", "session:<id> record.csv part=tickets phones=full",
 * "session:<id> minutes", "case:<id> session:<id>"), read back into what it
 * names, so the admin's page can say it in words. Pure.
 */
export interface AuditTargetParts {
  sessionId?: string;
  ticketId?: string;
  caseId?: string;
  /** a staff account or a station written to ("user:<id>", "venue:<id>") */
  userId?: string;
  venueId?: string;
  /** a refusal's: the action tried (`try=session.update`), or the route opened (`route=GET:/api/audit`) */
  tried?: string;
  route?: string;
  /** what a record.export took */
  export?: { kind: "csv" | "minutes"; part?: string; phones?: string };
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function parseAuditTarget(target: string): AuditTargetParts {
  const out: AuditTargetParts = {};
  for (const token of target.split(/\s+/)) {
    const [key, value] = token.includes(":") ? [token.slice(0, token.indexOf(":")), token.slice(token.indexOf(":") + 1)] : [token, ""];
    if (key === "session" && ID.test(value)) out.sessionId = value;
    else if (key === "ticket" && ID.test(value)) out.ticketId = value;
    else if (key === "case" && ID.test(value)) out.caseId = value;
    else if (key === "user" && ID.test(value)) out.userId = value;
    else if (key === "venue" && ID.test(value)) out.venueId = value;
    else if (token.startsWith("try=")) out.tried = token.slice(4);
    else if (token.startsWith("route=")) out.route = token.slice(6).replace(":", " ");
    else if (token === "record.csv") out.export = { ...out.export, kind: "csv" };
    else if (token === "minutes") out.export = { ...out.export, kind: "minutes" };
    else if (token.startsWith("part=")) out.export = { kind: out.export?.kind ?? "csv", ...out.export, part: token.slice(5) };
    else if (token.startsWith("phones=")) out.export = { kind: out.export?.kind ?? "csv", ...out.export, phones: token.slice(7) };
  }
  return out;
}
