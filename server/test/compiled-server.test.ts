/**
 * The compiled server (scripts/build-server.mjs → build/server/index.mjs) is
 * the one production runs: it builds, serves, keeps an acknowledged join
 * across kill -9, and serves again on the same database. Its restart time is
 * measured in bench/ (bench/restart.ts), not here.
 */
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error: plain ESM script shared with npm start, no types
import { buildServer } from "../../scripts/build-server.mjs";
import { buildWorld } from "./helpers/fixtures.ts";
import { startServerProcess, type ServerProcess } from "./helpers/server-process.ts";
import { connectClient, ok } from "./helpers/test-server.ts";
import { tempDbFile } from "./helpers/test-db.ts";
import { openDatabase } from "../src/store/prisma.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
// Inside the project, so the bundle finds node_modules as build/server/ does.
const outdir = path.join(ROOT, "build", `test-${randomBytes(4).toString("hex")}`);
const entry = ["--enable-source-maps", path.join(outdir, "index.mjs")];

describe("the compiled server", () => {
  const temp = tempDbFile();
  let proc: ServerProcess | null = null;
  let sessionId: string;

  beforeAll(async () => {
    await (buildServer as (dir: string) => Promise<void>)(outdir);
    const db = await openDatabase(temp.url);
    sessionId = (await buildWorld(db)).shengze.sessionId;
    await db.$disconnect();
  }, 120_000);
  afterAll(async () => {
    await proc?.crash();
    temp.remove();
    rmSync(outdir, { recursive: true, force: true });
  });

  it("serves the live protocol, keeps an acknowledged join across kill -9, and serves it again", async () => {
    proc = await startServerProcess(temp.url, {}, entry);
    const voter = await connectClient(proc.url);
    const { ticket } = await ok(voter, "queue:join", { sessionId, name: "编译后", topic: "重启之后还在吗", isPublic: true });
    voter.disconnect();
    await proc.crash();

    proc = await startServerProcess(temp.url, {}, entry);
    const viewer = await connectClient(proc.url);
    const snapshot = await ok(viewer, "session:watch", { sessionId });
    viewer.disconnect();
    expect("tickets" in snapshot && snapshot.tickets.map((t) => t.label)).toContain(ticket.label);
    expect((await fetch(`${proc.url}/api/sessions/${sessionId}`)).status).toBe(200);
  });
});
