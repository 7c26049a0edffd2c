#!/usr/bin/env node
// `npm start`: apply the migrations, build the client and the server if they
// are missing or older than their sources, then serve everything on one port
// from the compiled server, with demo data in an empty database.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { buildServerIfStale, SERVER_BUILD } from "./build-server.mjs";

const env = { ...process.env };
env.DATABASE_URL ||= "file:./data/tongxin.db";
env.DEMO_SEED ??= "1";

if (env.DATABASE_URL.startsWith("file:")) {
  mkdirSync(path.dirname(env.DATABASE_URL.slice("file:".length)), { recursive: true });
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit", env });
const bin = (name) => path.join("node_modules", ".bin", name);

/**
 * Whether `prisma migrate deploy` has work to do: a missing database, or a
 * migration folder not recorded as finished. Asking the database directly
 * takes milliseconds; the Prisma CLI takes seconds on every restart.
 */
function sqliteNeedsMigrations(file) {
  if (!existsSync(file)) return true;
  const wanted = readdirSync(path.join("prisma", "migrations"), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const Database = createRequire(import.meta.url)("better-sqlite3");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const done = new Set(db.prepare("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all().map((r) => r.migration_name));
    return wanted.some((name) => !done.has(name));
  } catch {
    return true; // no migrations table yet
  } finally {
    db.close();
  }
}

const serverEntry = path.join(SERVER_BUILD, "index.mjs");
await buildServerIfStale();

if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
  // Prisma 6.19's migrate cannot run through the pg adapter; see server/src/store/postgres-migrate.ts.
  run(process.execPath, [path.join(SERVER_BUILD, "postgres-migrate.mjs")]);
} else if (sqliteNeedsMigrations(env.DATABASE_URL.slice("file:".length))) {
  run(bin("prisma"), ["migrate", "deploy"]);
}
if (!existsSync("client/dist/index.html")) run(bin("vite"), ["build", "--config", "client/vite.config.ts"]);

const server = spawn(process.execPath, ["--enable-source-maps", serverEntry], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
