/**
 * Moving a station from its SQLite file to PostgreSQL (docs/ARCHITECTURE.md
 * §6f, "Moving to PostgreSQL"): the target is migrated, every table the two
 * storages share is copied in foreign-key order in one transaction, and then
 * every table is compared — row count and every value, read through the
 * target's column types — before the command reports success.
 *
 * Not copied: the search index (SearchDoc; PostgreSQL's own triggers rebuild
 * it from the rows as they arrive, and the comparison checks it), SQLite's
 * FTS tables and its number helper, and each storage's migration ledger.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import pg from "pg";
import { migratePostgres } from "./postgres-migrate.ts";
import { pgAdapterConfig } from "./postgres-url.ts";

interface SqliteConnection {
  prepare(sql: string): { all(...params: unknown[]): unknown[] };
  close(): void;
}
const Sqlite = createRequire(import.meta.url)("better-sqlite3") as new (file: string, options?: object) => SqliteConnection;

/** Kept by triggers or private to one storage: never copied row by row. */
const NOT_COPIED = new Set(["SearchDoc", "SearchNumber", "_prisma_migrations", "_tongxin_migrations"]);
/** Tables only a running station writes: the target must hold none of their rows. */
const STATION_DATA = ["User", "Venue", "ReceptionSession", "Ticket", "Case"];
const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableReport {
  table: string;
  rows: number;
  same: boolean;
}

interface Column {
  name: string;
  type: string;
}

/** A value as the target column holds it, from what SQLite stored (ISO text or epoch ms, 0/1, JSON text). */
function toTarget(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith("timestamp")) {
    const d = new Date(typeof value === "number" ? value : String(value));
    // UTC wall time, so node-postgres's local-time rendering of a Date cannot shift it.
    return d.toISOString().replace("T", " ").replace("Z", "");
  }
  if (type === "boolean") return value === 1 || value === true || value === "1" || value === "true";
  if (type === "jsonb" || type === "json") return typeof value === "string" ? value : JSON.stringify(value);
  return value;
}

/** A value read from either side, in one comparable form. */
function canonical(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type.startsWith("timestamp")) {
    const v = value instanceof Date ? value : typeof value === "number" ? new Date(value) : new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(String(value)) ? String(value) : `${String(value).replace(" ", "T")}Z`);
    return v.toISOString();
  }
  if (type === "boolean") return value === 1 || value === true || value === "1" || value === "true";
  if (type === "jsonb" || type === "json") return sortKeys(typeof value === "string" ? JSON.parse(value) : value);
  if (type === "bigint" || type === "integer" || type === "smallint" || type === "double precision" || type === "real" || type === "numeric") return Number(value);
  if (Buffer.isBuffer(value)) return value.toString("base64");
  return value;
}
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  return v;
}
const digestRows = (rows: Record<string, unknown>[], columns: Column[]) =>
  createHash("sha256")
    .update(rows.map((r) => JSON.stringify(columns.map((c) => canonical(r[c.name], c.type)))).sort().join("\n"))
    .digest("hex");

/** Tables in an order where every row's foreign keys point at tables already copied. */
function foreignKeyOrder(tables: string[], edges: Array<{ from: string; to: string }>): string[] {
  const out: string[] = [];
  const left = new Set(tables);
  while (left.size) {
    const ready = [...left].filter((t) => !edges.some((e) => e.from === t && e.to !== t && left.has(e.to)));
    if (!ready.length) throw new Error(`foreign keys form a cycle among ${[...left].join(", ")}`);
    for (const t of ready.sort()) {
      out.push(t);
      left.delete(t);
    }
  }
  return out;
}

/** Rows of a table that refers to itself, parents first. */
function parentsFirst(rows: Record<string, unknown>[], selfColumns: string[]): Record<string, unknown>[] {
  if (!selfColumns.length) return rows;
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length) {
    const next = pending.filter((r) => selfColumns.some((c) => r[c] !== null && r[c] !== undefined && !placed.has(r[c])));
    for (const r of pending) {
      if (next.includes(r)) continue;
      out.push(r);
      placed.add(r.id);
    }
    if (next.length === pending.length) throw new Error("rows refer to each other in a cycle");
    pending = next;
  }
  return out;
}

/**
 * Copies the SQLite database in `sqliteFile` into the PostgreSQL database at
 * `postgresUrl` (migrated here; it must hold no rows), then compares every table.
 */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string, log: (line: string) => void = () => {}): Promise<TableReport[]> {
  await migratePostgres(postgresUrl);
  const { pool, options } = pgAdapterConfig(postgresUrl);
  const schema = options.schema ?? "public";
  const client = new pg.Client(pool);
  const source = new Sqlite(sqliteFile, { readonly: true, fileMustExist: true });
  await client.connect();
  try {
    const pgTables = (await client.query<{ name: string }>("SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1 AND table_type = 'BASE TABLE'", [schema])).rows.map((r) => r.name);
    const sqliteTables = new Set((source.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
    const shared = pgTables.filter((t) => sqliteTables.has(t) && !NOT_COPIED.has(t));
    const columnsOf = new Map<string, Column[]>();
    for (const t of pgTables) {
      const cols = await client.query<{ name: string; type: string }>("SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position", [schema, t]);
      columnsOf.set(t, cols.rows);
    }
    // A station's own data starts with its accounts and venues: a target holding any is not empty.
    // (Rows that migrations insert, such as the first privacy notice, are replaced by the source's.)
    for (const t of STATION_DATA.filter((x) => pgTables.includes(x))) {
      const { rows } = await client.query(`SELECT 1 FROM ${q(schema)}.${q(t)} LIMIT 1`);
      if (rows.length) throw new Error(`the target already holds rows (${t}); copy into an empty database`);
    }
    const fks = await client.query<{ from: string; column: string; to: string }>(
      `SELECT tc.table_name AS "from", kcu.column_name AS "column", ccu.table_name AS "to"
         FROM information_schema.table_constraints tc
         JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
         JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
        WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = $1`,
      [schema],
    );
    const order = foreignKeyOrder(shared, fks.rows);

    await client.query("BEGIN");
    try {
      for (const table of [...order].reverse()) await client.query(`DELETE FROM ${q(schema)}.${q(table)}`);
      for (const table of order) {
        const sourceColumns = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
        const columns = columnsOf.get(table)!.filter((c) => sourceColumns.has(c.name));
        const selfColumns = fks.rows.filter((f) => f.from === table && f.to === table).map((f) => f.column);
        const rows = parentsFirst(source.prepare(`SELECT * FROM ${q(table)}`).all() as Record<string, unknown>[], selfColumns);
        // Batches of rows per INSERT, well under PostgreSQL's 65,535 parameters.
        const perBatch = Math.max(1, Math.floor(30_000 / Math.max(1, columns.length)));
        for (let i = 0; i < rows.length; i += perBatch) {
          const batch = rows.slice(i, i + perBatch);
          const params: unknown[] = [];
          const tuples = batch.map((r) => `(${columns.map((c) => (params.push(toTarget(r[c.name], c.type)), `$${params.length}`)).join(", ")})`);
          await client.query(`INSERT INTO ${q(schema)}.${q(table)} (${columns.map((c) => q(c.name)).join(", ")}) VALUES ${tuples.join(", ")}`, params);
        }
        log(`copied ${table}: ${rows.length}`);
      }
      // Ids that PostgreSQL numbers itself continue after the copied ones.
      const serials = await client.query<{ table: string; column: string }>(
        `SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns WHERE table_schema = $1 AND column_default LIKE 'nextval(%'`,
        [schema],
      );
      for (const { table, column } of serials.rows.filter((r) => order.includes(r.table))) {
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), GREATEST(COALESCE((SELECT MAX(${q(column)}) FROM ${q(schema)}.${q(table)}), 0), 1))`, [`${q(schema)}.${q(table)}`, column]);
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK");
      throw e;
    }

    // The comparison: every shared table through the target's columns, and the rebuilt search index.
    const report: TableReport[] = [];
    for (const table of [...order, ...(sqliteTables.has("SearchDoc") && pgTables.includes("SearchDoc") ? ["SearchDoc"] : [])]) {
      const sourceColumns = new Set((source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]).map((c) => c.name));
      const columns = columnsOf.get(table)!.filter((c) => sourceColumns.has(c.name) && !(table === "SearchDoc" && c.name === "id"));
      const from = source.prepare(`SELECT ${columns.map((c) => q(c.name)).join(", ")} FROM ${q(table)}`).all() as Record<string, unknown>[];
      const to = (await client.query(`SELECT ${columns.map((c) => q(c.name)).join(", ")} FROM ${q(schema)}.${q(table)}`)).rows as Record<string, unknown>[];
      const same = from.length === to.length && digestRows(from, columns) === digestRows(to, columns);
      report.push({ table, rows: to.length, same });
    }
    return report;
  } finally {
    source.close();
    await client.end();
  }
}
