#!/usr/bin/env node
// `npm start`: apply migrations, build the client if it is not built, then
// serve everything on one port with demo data in an empty database.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";

const env = { ...process.env };
env.DATABASE_URL ||= "file:./data/tongxin.db";
env.DEMO_SEED ??= "1";

if (env.DATABASE_URL.startsWith("file:")) {
  mkdirSync(path.dirname(env.DATABASE_URL.slice("file:".length)), { recursive: true });
}
const run = (cmd, args) => execFileSync(cmd, args, { stdio: "inherit", env });
const bin = (name) => path.join("node_modules", ".bin", name);

if (/^postgres(ql)?:\/\//.test(env.DATABASE_URL)) {
  // Prisma 6.19's migrate cannot run through the pg adapter; see server/src/store/postgres-migrate.ts.
  run(process.execPath, ["--import", "tsx", "server/src/store/postgres-migrate.ts"]);
} else {
  run(bin("prisma"), ["migrate", "deploy"]);
}
if (!existsSync("client/dist/index.html")) run(bin("vite"), ["build", "--config", "client/vite.config.ts"]);

const server = spawn(process.execPath, ["--import", "tsx", "server/src/index.ts"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
