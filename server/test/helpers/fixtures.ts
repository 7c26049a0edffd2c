/**
 * A small, readable world for socket and HTTP tests: two towns, a venue in
 * each, a staff member and a deputy per town, an admin, and one OPEN session
 * per venue. Logins are made by inserting tokens (scrypt is deliberately slow).
 */
import type { Db } from "../../src/store/prisma.ts";
import { newToken, tokenHash } from "../../src/services/privacy-and-accounts/secrets.ts";

export interface World {
  shengze: { venueId: string; sessionId: string };
  lili: { venueId: string; sessionId: string };
  tokens: { admin: string; staffShengze: string; deputyShengze: string; staffLili: string };
}

async function userWithToken(db: Db, username: string, role: "ADMIN" | "STAFF" | "DEPUTY", venueIds: string[]): Promise<string> {
  const token = newToken();
  await db.user.create({
    data: {
      username,
      displayName: username,
      role,
      passwordHash: "scrypt$1$1$1$x$x",
      venues: { create: venueIds.map((venueId) => ({ venueId })) },
      tokens: { create: { tokenHash: tokenHash(token) } },
    },
  });
  return token;
}

export async function openSession(db: Db, venueId: string, over: { status?: "SCHEDULED" | "OPEN" | "LIVE"; queueOpen?: boolean; slotMin?: number } = {}): Promise<string> {
  const start = new Date();
  const s = await db.receptionSession.create({
    data: {
      venueId,
      title: "代表接待日",
      theme: "停车难",
      startsAt: start,
      endsAt: new Date(start.getTime() + 3 * 3600_000),
      deputies: JSON.stringify(["沈晓鹃"]),
      status: over.status ?? "OPEN",
      queueOpen: over.queueOpen ?? true,
      slotMin: over.slotMin ?? 8,
      avgServiceSec: (over.slotMin ?? 8) * 60,
    },
  });
  return s.id;
}

export async function buildWorld(db: Db): Promise<World> {
  const shengzeVenue = await db.venue.create({ data: { name: "晓鹃工作室", kind: "STUDIO", town: "盛泽镇" } });
  const liliVenue = await db.venue.create({ data: { name: "三好村人大代表联络站", kind: "STATION", town: "黎里镇" } });
  const tokens = {
    admin: await userWithToken(db, "admin", "ADMIN", []),
    staffShengze: await userWithToken(db, "staff.shengze", "STAFF", [shengzeVenue.id]),
    deputyShengze: await userWithToken(db, "deputy.xiaojuan", "DEPUTY", [shengzeVenue.id]),
    staffLili: await userWithToken(db, "staff.lili", "STAFF", [liliVenue.id]),
  };
  return {
    shengze: { venueId: shengzeVenue.id, sessionId: await openSession(db, shengzeVenue.id) },
    lili: { venueId: liliVenue.id, sessionId: await openSession(db, liliVenue.id) },
    tokens,
  };
}
