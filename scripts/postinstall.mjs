#!/usr/bin/env node
// After `npm install` / `npm ci`: generate both Prisma clients, then build the
// client and the server, so that the first `npm start` only migrates, seeds and
// serves. A production install without the dev tools (no vite) skips the client
// build; `npm start` builds it when it is missing.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { buildServer } from "./build-server.mjs";

execFileSync(process.execPath, ["scripts/generate-clients.mjs"], { stdio: "inherit" });
const vite = path.join("node_modules", ".bin", "vite");
if (existsSync(vite)) execFileSync(vite, ["build", "--config", "client/vite.config.ts", "--logLevel", "warn"], { stdio: "inherit" });
await buildServer();
