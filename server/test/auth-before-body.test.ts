/**
 * Authentication is checked before the body: every back-office write answers
 * 401 to a caller without a login, whatever the body holds, and never names
 * the body's fields (which would tell an outsider the route's schema).
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer();

/** Each back-office write, with a body no schema accepts. */
const WRITES: Array<[method: string, path: string]> = [
  ["POST", "/api/sessions"],
  ["PATCH", "/api/sessions/:session"],
  ["PUT", "/api/sessions/:session/agenda"],
  ["POST", "/api/sessions/:session/invitations"],
  ["POST", "/api/sessions/:session/stream/key"],
  ["POST", "/api/cases"],
  ["PATCH", "/api/cases/x"],
  ["POST", "/api/cases/x/notes"],
  ["PUT", "/api/duty/weights"],
  ["POST", "/api/duty/activities"],
  ["PUT", "/api/stats/weights"],
  ["POST", "/api/admin/users"],
  ["POST", "/api/admin/venues"],
  ["POST", "/api/admin/privacy-notice"],
  ["POST", "/api/tickets/x/phone"],
  ["POST", "/api/admin/departments"],
  ["PATCH", "/api/admin/departments/x"],
  ["POST", "/api/suggestions"],
  ["PATCH", "/api/suggestions/x"],
  ["POST", "/api/suggestions/x/submit"],
  ["POST", "/api/suggestions/x/assign"],
  ["POST", "/api/suggestions/x/answer"],
  ["POST", "/api/suggestions/x/evaluate"],
  ["POST", "/api/suggestions/x/return"],
  ["POST", "/api/suggestions/x/classify"],
  ["POST", "/api/suggestions/x/countersign"],
];

describe("a back-office write without a login", () => {
  it.each(WRITES)("%s %s is 401 UNAUTHENTICATED before its body is read, and changes nothing", async (method, path) => {
    const sessionId = t.world.shengze.sessionId;
    const before = await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
    const res = await fetch(t.url + path.replace(":session", sessionId), {
      method,
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ startsAt: "not a date", title: 42, status: "NOPE", items: "x" }),
    });
    const body = (await res.json()) as { error: { code: string; details?: unknown } };
    expect(res.status).toBe(401);
    expect(body.error.code).toBe("UNAUTHENTICATED");
    expect(body.error.details).toBeUndefined();
    const after = await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } });
    expect(after).toEqual(before);
  });

  it("a logged-in caller still gets the body's field errors (400), so the gate refuses only strangers", async () => {
    const res = await t.http("staffShengze").post("/api/sessions", { startsAt: "not a date" });
    expect(res.status).toBe(400);
    expect((res.body as { error: { code: string } }).error.code).toBe("BAD_REQUEST");
  });
});
