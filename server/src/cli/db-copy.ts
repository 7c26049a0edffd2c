/**
 * `npm run db:copy -- <postgresql://…[?schema=…]>`: moves the station's
 * SQLite database (DATABASE_URL, default file:./data/tongxin.db) to an empty
 * PostgreSQL database, then compares every table and prints the comparison
 * (docs/DEPLOY.md, "Moving to PostgreSQL"). Stop the service first. Exits
 * non-zero when any table differs; the SQLite file is never changed.
 */
import { copySqliteToPostgres } from "../store/copy-to-postgres.ts";
import { isPostgresUrl } from "../store/postgres-url.ts";

const target = process.argv.slice(2).find((a) => !a.startsWith("--"));
const sourceUrl = process.env.DATABASE_URL || "file:./data/tongxin.db";
if (!target || !isPostgresUrl(target) || isPostgresUrl(sourceUrl)) {
  console.error("usage: DATABASE_URL=file:./data/tongxin.db npm run db:copy -- postgresql://user@host:5432/db[?schema=name]");
  process.exit(2);
}
try {
  const report = await copySqliteToPostgres(sourceUrl.replace(/^file:/, ""), target, (line) => console.log(line));
  const differing = report.filter((r) => !r.same);
  for (const r of report) console.log(`${r.same ? "same" : "DIFFERS"}  ${r.table}  ${r.rows} rows`);
  if (differing.length) {
    console.error(`copy differs in ${differing.map((r) => r.table).join(", ")}`);
    process.exit(1);
  }
  console.log(`copied and compared ${report.length} tables: every row the same. Set DATABASE_URL to the PostgreSQL address and start the service.`);
} catch (err) {
  console.error(`db:copy failed: ${(err as Error).message}`);
  process.exit(1);
}
