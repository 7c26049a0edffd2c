#!/usr/bin/env node
// Compiles the server for production: each entry point bundled by esbuild into
// one ES module under build/server/ (the project's own code, the generated
// Prisma clients included), with every npm package left external and loaded
// from node_modules as usual. `npm start` and the systemd unit run these, so
// no TypeScript is transpiled when a node starts or restarts.
import { build } from "esbuild";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const SERVER_BUILD = "build/server";
export const ENTRIES = {
  index: "server/src/index.ts",
  "postgres-migrate": "server/src/store/postgres-migrate.ts",
};

export async function buildServer(outdir = SERVER_BUILD) {
  await build({
    entryPoints: ENTRIES,
    outdir,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "linked",
    logLevel: "warning",
    legalComments: "none",
  });
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the server when build/server is missing or older than its sources (npm start, npm run cluster). */
export async function buildServerIfStale() {
  const entry = path.join(SERVER_BUILD, "index.mjs");
  if (!existsSync(entry) || statSync(entry).mtimeMs < newestMtime("server/src")) await buildServer();
}

if (import.meta.url === `file://${path.resolve(process.argv[1] ?? "")}`) {
  await buildServer(process.argv[2] ?? SERVER_BUILD);
  console.log(`server built into ${process.argv[2] ?? SERVER_BUILD}/`);
}
