/**
 * The restore drill (docs/ARCHITECTURE.md §6f), on the run's storage: a day is
 * played through the real sockets, `npm run backup` snapshots the database
 * while the server runs, `npm run restore` loads the snapshot into an empty
 * database, and every row of every table is compared; the restored database
 * then serves the same record. Also: the admin's list and "back up now".
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { playFinishedDay } from "./helpers/back-office-fixtures.ts";
import { PG_BASE } from "./helpers/postgres.ts";
import { startTestServer } from "./helpers/test-server.ts";
import { TEST_STORAGE } from "./helpers/test-storage.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const exec = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, "../..");
const backupDir = mkdtempSync(path.join(os.tmpdir(), "tongxin-backups-"));
const t = useTestServer({ config: { backupDir, backupKeep: 3 } });
const cleanups: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  rmSync(backupDir, { recursive: true, force: true });
});

/** Runs one of the project's commands (`server/src/cli/*.ts`) as a process, as npm run would. */
async function cli(name: "backup" | "restore", args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, ["--import", "tsx", `server/src/cli/${name}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: databaseUrl, BACKUP_DIR: backupDir, LOG_LEVEL: "silent" },
    });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const databaseUrlOf = () => t.server.app.deps.config.databaseUrl;

/** A database that does not exist yet: a new SQLite path, or a new PostgreSQL database with the source's schema name. */
async function emptyTarget(): Promise<string> {
  if (TEST_STORAGE === "sqlite") {
    const file = path.join(os.tmpdir(), `tongxin-restored-${randomBytes(6).toString("hex")}.db`);
    cleanups.push(async () => {
      for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
    });
    return `file:${file}`;
  }
  const name = `tongxin_restore_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_BASE });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  cleanups.push(async () => {
    const c = new pg.Client({ connectionString: PG_BASE });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });
  const source = new URL(databaseUrlOf());
  const target = new URL(PG_BASE);
  target.pathname = `/${name}`;
  target.searchParams.set("schema", source.searchParams.get("schema") ?? "public");
  return target.toString();
}

/** Every row of every table, each table's rows sorted, as JSON text (what "the same records" means). */
async function everyRow(url: string): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  if (url.startsWith("file:")) {
    const Sqlite = createRequire(import.meta.url)("better-sqlite3") as new (f: string, o: object) => { prepare(s: string): { all(): unknown[] }; close(): void };
    const db = new Sqlite(url.slice(5), { readonly: true });
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
      for (const { name } of tables) out[name] = db.prepare(`SELECT * FROM "${name}"`).all().map((r) => JSON.stringify(r)).sort();
    } finally {
      db.close();
    }
    return out;
  }
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  u.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE' ORDER BY 1", [schema]);
    for (const { name } of tables.rows) out[name] = (await client.query(`SELECT * FROM "${schema}"."${name}"`)).rows.map((r) => JSON.stringify(r)).sort();
  } finally {
    await client.end();
  }
  return out;
}

describe(`the restore drill (${TEST_STORAGE})`, () => {
  it("a snapshot taken while the server runs restores into an empty database with every record, and serves the same record", async () => {
    const day = await playFinishedDay(t.server, t.world);
    const backup = await cli("backup", [], databaseUrlOf());
    expect(backup.code, backup.stderr).toBe(0);
    const file = backup.stdout.trim().split("\n").at(-1)!;
    expect(path.basename(file)).toMatch(TEST_STORAGE === "sqlite" ? /^tongxin-\d{8}T\d{6}Z(-\d+)?\.db$/ : /^tongxin-\d{8}T\d{6}Z(-\d+)?\.dump$/);
    expect(existsSync(file)).toBe(true);

    const target = await emptyTarget();
    const restored = await cli("restore", [file], target);
    expect(restored.code, restored.stderr).toBe(0);

    const [before, after] = [await everyRow(databaseUrlOf()), await everyRow(target)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(before["Ticket"]?.length).toBeGreaterThanOrEqual(3);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);

    const again = await startTestServer({ dbUrl: target });
    cleanups.unshift(() => again.stop());
    const record = async (url: string) => (await fetch(`${url}/api/sessions/${day.sessionId}/record`, { headers: { authorization: `Bearer ${t.world.tokens.staffShengze}` } })).json();
    expect(await record(again.url)).toEqual(await record(t.url));
  });

  it("refuses to restore over a database that holds rows, and replaces it with --force", async () => {
    const file = (await cli("backup", [], databaseUrlOf())).stdout.trim().split("\n").at(-1)!;
    const target = await emptyTarget();
    expect((await cli("restore", [file], target)).code).toBe(0);
    const refused = await cli("restore", [file], target);
    expect(refused.code).toBe(3);
    expect(refused.stderr).toContain("--force");
    const forced = await cli("restore", [file, "--force"], target);
    expect(forced.code, forced.stderr).toBe(0);
    expect(await everyRow(target)).toEqual(await everyRow(databaseUrlOf()));
    expect((await cli("restore", ["/no/such/snapshot"], target)).code).toBe(2);
  });
});

describe("backups for the admin", () => {
  it("lists the snapshots newest first, takes one now, and keeps only BACKUP_KEEP", async () => {
    const admin = t.http("admin");
    for (let i = 0; i < 4; i++) expect((await admin.post("/api/admin/backups")).status).toBe(201);
    const { backups } = (await admin.get("/api/admin/backups")).body as { backups: Array<{ name: string; bytes: number; at: string }> };
    expect(backups).toHaveLength(3);
    expect(backups[0]!.bytes).toBeGreaterThan(0);
    expect(Date.parse(backups[0]!.at)).toBeGreaterThanOrEqual(Date.parse(backups[2]!.at));
  });

  it("is for admins only", async () => {
    expect((await t.http("staffShengze").get("/api/admin/backups")).status).toBe(403);
    expect((await t.http("staffShengze").post("/api/admin/backups")).status).toBe(403);
    expect((await t.http().post("/api/admin/backups")).status).toBe(401);
  });
});
