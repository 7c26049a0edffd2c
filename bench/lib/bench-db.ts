/**
 * A fresh SQLite file per bench server: a migrated template (built once with
 * `prisma migrate deploy`) is copied, then a venue, a staff member with a
 * login token, and one OPEN session with an open queue are inserted through
 * the server's own Prisma client — no scrypt, no demo seed needed.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { newToken, tokenHash } from "../../server/src/services/privacy-and-accounts/secrets.ts";
import { openDatabase, type Db } from "../../server/src/store/prisma.ts";
import { BENCH_DIR, ROOT_DIR } from "./child.ts";

export const TMP_DIR = path.join(BENCH_DIR, "tmp");
const TEMPLATE = path.join(TMP_DIR, "template.db");

export interface BenchDb {
  file: string;
  url: string;
  venueId: string;
  sessionId: string;
  staffToken: string;
  remove(): void;
}

function newestMigrationMs(): number {
  const dir = path.join(ROOT_DIR, "prisma", "migrations");
  let newest = statSync(path.join(ROOT_DIR, "prisma", "schema.prisma")).mtimeMs;
  for (const name of readdirSync(dir)) newest = Math.max(newest, statSync(path.join(dir, name)).mtimeMs);
  return newest;
}

function migratedTemplate(): string {
  mkdirSync(TMP_DIR, { recursive: true });
  if (existsSync(TEMPLATE) && statSync(TEMPLATE).mtimeMs > newestMigrationMs()) return TEMPLATE;
  removeDbFiles(TEMPLATE);
  execFileSync(path.join(ROOT_DIR, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT_DIR,
    env: { ...process.env, DATABASE_URL: `file:${TEMPLATE}` },
    stdio: "pipe",
  });
  return TEMPLATE;
}

function removeDbFiles(file: string): void {
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
}

export async function createBenchDb(name: string): Promise<BenchDb> {
  const file = path.join(TMP_DIR, `${name}.db`);
  removeDbFiles(file);
  copyFileSync(migratedTemplate(), file);
  const url = `file:${file}`;
  const db = await openDatabase(url);
  try {
    const venue = await db.venue.create({ data: { name: "晓鹃工作室", kind: "STUDIO", town: "盛泽镇", address: "盛泽镇西二环路1号" } });
    const staffToken = newToken();
    await db.user.create({
      data: {
        username: "staff.bench",
        displayName: "值班工作人员",
        role: "STAFF",
        passwordHash: "scrypt$1$1$1$x$x",
        venues: { create: [{ venueId: venue.id }] },
        tokens: { create: { tokenHash: tokenHash(staffToken) } },
      },
    });
    const start = new Date();
    const session = await db.receptionSession.create({
      data: {
        venueId: venue.id,
        title: "人大代表接待日（直播）",
        theme: "停车难与加装电梯",
        startsAt: start,
        endsAt: new Date(start.getTime() + 3 * 3600_000),
        deputies: JSON.stringify(["沈晓鹃", "王建国"]),
        streamUrl: "https://live.example.cn/shengze/2026-11/index.m3u8",
        status: "OPEN",
        queueOpen: true,
        slotMin: 8,
        avgServiceSec: 480,
      },
    });
    return { file, url, venueId: venue.id, sessionId: session.id, staffToken, remove: () => removeDbFiles(file) };
  } finally {
    await db.$disconnect();
  }
}

/** Opens a bench database with the server's client (for the after-storm checks). */
export function openBenchDb(url: string): Promise<Db> {
  return openDatabase(url);
}
