import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { isPostgresUrl, pgAdapterConfig } from "./server/src/store/postgres-url.ts";

// prisma.config.ts does not read .env; the CLI needs a resolvable URL or it
// tries to download a native engine.
process.env.DATABASE_URL ??= "file:./data/tongxin.db";
const url = process.env.DATABASE_URL;
const postgres = isPostgresUrl(url);
const dir = postgres ? path.join("prisma", "postgres") : "prisma";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(dir, "schema.prisma"),
  migrations: { path: path.join(dir, "migrations"), seed: "tsx prisma/seed.ts" },
  async adapter() {
    if (postgres) {
      const { pool, options } = pgAdapterConfig(url);
      return new PrismaPg(pool, options);
    }
    return new PrismaBetterSQLite3({ url });
  },
});
