#!/usr/bin/env node
// Generates both Prisma clients (SQLite and PostgreSQL) from prisma/schema.prisma.
// prisma.config.ts picks the schema from DATABASE_URL, so each run sets one.
import { execFileSync } from "node:child_process";
import path from "node:path";

execFileSync(process.execPath, ["scripts/postgres-schema.mjs"], { stdio: "inherit" });
const prisma = path.join("node_modules", ".bin", "prisma");
const urls = ["file:./data/generate.db", "postgresql://localhost:5432/generate"];
for (const url of urls) execFileSync(prisma, ["generate"], { stdio: "inherit", env: { ...process.env, DATABASE_URL: url } });
