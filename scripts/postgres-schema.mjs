#!/usr/bin/env node
// prisma/schema.prisma is the one model; this writes its PostgreSQL twin
// (prisma/postgres/schema.prisma) so both clients are generated from the same
// models. Run by `npm install` (postinstall) and checked by a test.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";

export function postgresSchemaFrom(sqlite) {
  const out = sqlite
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/output\s*=\s*"\.\.\/server\/src\/generated\/prisma"/, 'output          = "../../server/src/generated/prisma-pg"');
  if (out === sqlite || !out.includes("prisma-pg")) throw new Error("prisma/schema.prisma: provider or output line not found");
  return `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs — edit that file, not this one.\n${out}`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  mkdirSync("prisma/postgres", { recursive: true });
  writeFileSync("prisma/postgres/schema.prisma", postgresSchemaFrom(readFileSync("prisma/schema.prisma", "utf8")));
}
