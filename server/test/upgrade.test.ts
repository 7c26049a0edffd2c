/**
 * Upgrades keep every record (docs/ARCHITECTURE.md §6f): each database a
 * release wrote (prisma/fixtures/v*.db, recorded by that release) is migrated
 * by this release's migrations the way `npm start` does, then every table is
 * read back through the columns it had — same rows, same values — and this
 * release's server serves its days and records.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { digestSqlite, type DatabaseDigest } from "../../prisma/fixtures/table-digest.ts";
import { startTestServer, type TestServer } from "./helpers/test-server.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
const FIXTURES = path.join(ROOT, "prisma", "fixtures");
const releases = readdirSync(FIXTURES).filter((f) => /^v[\d.]+\.db$/.test(f)).sort();

describe.each(releases)("a database written by %s", (fixture) => {
  const file = path.join(os.tmpdir(), `tongxin-upgrade-${process.pid}-${fixture}`);
  const recorded = JSON.parse(readFileSync(path.join(FIXTURES, fixture.replace(/\.db$/, ".digest.json")), "utf8")) as { tables: DatabaseDigest };
  let server: TestServer | null = null;
  afterAll(async () => {
    await server?.stop({ keepDb: true });
    for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });
  });

  it("migrates forward and keeps every row of every table, value for value", () => {
    copyFileSync(path.join(FIXTURES, fixture), file);
    execFileSync(path.join(ROOT, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: `file:${file}` }, stdio: "pipe" });
    const columnsOf = Object.fromEntries(Object.entries(recorded.tables).map(([table, d]) => [table, d.columns]));
    const now = digestSqlite(file, columnsOf);
    for (const [table, before] of Object.entries(recorded.tables)) {
      expect(now[table]?.rows, `${table}: rows`).toBe(before.rows);
      expect(now[table]?.sha256, `${table}: values`).toBe(before.sha256);
    }
    // The fixture holds real data, not empty tables.
    expect(recorded.tables["Ticket"]!.rows).toBeGreaterThan(10);
  });

  it("is served by this release: the days, a past day's record and a login", async () => {
    server = await startTestServer({ dbFile: file });
    const { sessions } = (await (await fetch(`${server.url}/api/sessions?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z`)).json()) as { sessions: Array<{ id: string; status: string }> };
    expect(sessions.length).toBeGreaterThan(5);
    const login = await fetch(`${server.url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "admin", password: "tongxin-demo" }) });
    expect(login.status).toBe(200);
    const { token } = (await login.json()) as { token: string };
    const ended = sessions.find((s) => s.status === "ENDED")!;
    const record = await fetch(`${server.url}/api/sessions/${ended.id}/record`, { headers: { authorization: `Bearer ${token}` } });
    expect(record.status).toBe(200);
    expect(((await record.json()) as { tickets: unknown[] }).tickets.length).toBeGreaterThan(0);
  });
});
