/** Forum (座谈会, §5e) test helpers: a forum at 盛泽镇 through the real schedule route, and invitations. */
import { expect } from "vitest";
import type { InvitationCreated } from "../../src/protocol/forums.ts";
import type { SessionView } from "../../src/protocol/model.ts";
import type { TestServerHandle } from "./use-test-server.ts";

export const AGENDA = [
  { title: "老旧小区加装电梯", timeboxMin: 30, speakerMin: 3 },
  { title: "停车难", timeboxMin: 20 },
];

/** An OPEN forum at the world's 盛泽镇 venue, scheduled over HTTP as staff do. */
export async function createForum(t: TestServerHandle, over: Record<string, unknown> = {}): Promise<SessionView> {
  const startsAt = t.clock.now();
  const res = await t.http("staffShengze").post("/api/sessions", {
    venueId: t.world.shengze.venueId,
    title: "十二月座谈会",
    theme: "加装电梯与停车",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * 3600_000).toISOString(),
    deputies: ["沈晓鹃"],
    status: "OPEN",
    kind: "FORUM",
    agenda: AGENDA,
    ...over,
  });
  expect(res.status, res.text).toBe(201);
  return res.body.session as SessionView;
}

export async function invite(t: TestServerHandle, sessionId: string, name: string, over: Record<string, unknown> = {}): Promise<InvitationCreated> {
  const res = await t.http("staffShengze").post(`/api/sessions/${sessionId}/invitations`, { name, role: "VOTER", ...over });
  expect(res.status, res.text).toBe(201);
  return res.body as InvitationCreated;
}

export function deleteAs(t: TestServerHandle, token: string | undefined, path: string): Promise<Response> {
  return fetch(t.url + path, { method: "DELETE", headers: token ? { authorization: `Bearer ${token}` } : {} });
}
