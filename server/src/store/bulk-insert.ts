/**
 * Multi-row INSERTs as one raw statement, for the write lane's hot path (a
 * join storm's tickets and events, up to a few hundred rows per batch).
 * Prisma's `createMany` builds and validates every row through its query
 * compiler — most of a batch's CPU in a profile; a raw `INSERT … VALUES (…),(…)`
 * with bound parameters does the same write for a fraction of it. Prisma.sql
 * picks the placeholder style of the database (`?` on SQLite, `$n` on
 * PostgreSQL) and each driver adapter converts Dates and booleans as it does
 * for its own queries, so the rows read back exactly as createMany's would.
 * Ids are made here (the schema's cuid() default is applied by Prisma, not the database).
 */
import { Prisma } from "../generated/prisma/client.ts";
import { AppError } from "../protocol/errors.ts";
import { ILL_FORMED_MESSAGE, illFormedDetails, isWellFormed } from "../protocol/well-formed.ts";
import { pooledRandomBytes } from "../random-bytes.ts";
import type { Tx } from "./prisma.ts";
import { directSqlite, sqliteTimestamp } from "./sqlite-direct.ts";

/** Rows per statement: far under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at ~20 columns. */
const CHUNK = 500;

/** A collision-free id in the shape of a cuid (25 characters, starts with a letter). */
export const newRowId = (): string => `c${pooledRandomBytes(12).toString("hex")}`;

/**
 * Inserts `rows` (each an array in `columns` order) into `table`. The table and
 * column names are this module's callers' constants, never input.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  if (rows.length === 0) return;
  const head = `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) `;
  const asJson = isSqlite(tx) ? jsonRows(rows) : null;
  if (asJson) return insertAsJson(tx, head, columns.length, asJson);
  const values = Prisma.raw(`${head}VALUES `);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const tuples = rows.slice(i, i + CHUNK).map((r) => Prisma.sql`(${Prisma.join(r.map(literalOrParam))})`);
    await tx.$executeRaw`${values}${Prisma.join(tuples)}`;
  }
}

/** The client's provider ("sqlite" or "postgresql"); interactive transactions and extensions pass it through. */
const isSqlite = (tx: Tx): boolean => (tx as unknown as { _activeProvider?: string })._activeProvider === "sqlite";

/**
 * SQLite: all rows as one JSON text parameter, unpacked by `json_each`
 * (`INSERT … SELECT value ->> 0, value ->> 1 … FROM json_each(?)`). Prisma's
 * cost is per bound parameter (~3.5 µs each, and a storm's batch of 200 joins
 * had ~3,500 of them), so one parameter makes the insert almost free on its
 * side. The values are written as better-sqlite3's adapter would bind them —
 * booleans as 0/1, Dates as ISO text with "+00:00" (its default
 * timestampFormat) — and column affinity converts them exactly as it does
 * bound values, so the rows read back the same (server/test/bulk-insert.test.ts).
 * Text that JSON would carry as an escape is checked here: the ill-formed
 * text guard of store/prisma.ts sees only the one JSON string.
 */
async function insertAsJson(tx: Tx, head: string, width: number, rows: unknown[][]): Promise<void> {
  const picks = Array.from({ length: width }, (_, i) => `j.value ->> ${i}`).join(", ");
  const json = JSON.stringify(rows);
  // On better-sqlite3 itself when it can (store/sqlite-direct.ts): Prisma's cost grows with the parameter's size.
  const direct = directSqlite(tx);
  if (direct) return direct.run(`${head}SELECT ${picks} FROM json_each(?) AS j`, [json]);
  await tx.$executeRaw`${Prisma.raw(`${head}SELECT ${picks} FROM json_each(`)}${json}${Prisma.raw(") AS j")}`;
}

/**
 * The rows with each value as better-sqlite3's adapter binds it, or null when
 * JSON cannot carry one exactly: JSON carries strings (checked well-formed),
 * safe integers and NULLs as they are; anything else (a fractional rank, whose
 * text round trip might differ in the last bit) takes the bound-parameter path.
 */
function jsonRows(rows: readonly (readonly unknown[])[]): unknown[][] | null {
  const out: unknown[][] = [];
  for (const row of rows) {
    const r: unknown[] = [];
    for (const v of row) {
      if (v === null || (typeof v === "number" && Number.isSafeInteger(v))) r.push(v);
      else if (typeof v === "string") {
        if (!isWellFormed(v)) throw new AppError("BAD_REQUEST", ILL_FORMED_MESSAGE, illFormedDetails("_"));
        r.push(v);
      } else if (typeof v === "boolean") r.push(v ? 1 : 0);
      else if (v instanceof Date && !Number.isNaN(v.getTime())) r.push(sqliteTimestamp(v));
      else return null;
    }
    out.push(r);
  }
  return out;
}

/**
 * NULLs and safe integers go into the statement as literals (no value of
 * either kind can carry SQL); everything else stays a bound parameter. Prisma
 * spends ~3.5 µs of CPU per bound parameter of a raw query (a 200-row ticket
 * insert had 5,000), and a batch's rows are mostly NULL columns and numbers.
 */
function literalOrParam(v: unknown): unknown {
  if (v === null) return Prisma.raw("NULL");
  if (typeof v === "number" && Number.isSafeInteger(v)) return Prisma.raw(String(v));
  return v;
}

/**
 * Sets one of a session's counters (lastSeq, onlineCount, inPersonCount) as
 * the ORM's `update` would, `updatedAt` included — raw, because the write
 * lane does this twice per transaction and the ORM's query compiler cost
 * milliseconds of CPU per one-row update.
 */
export async function setSessionCounter(
  tx: Tx,
  sessionId: string,
  column: "lastSeq" | "onlineCount" | "inPersonCount",
  value: number,
): Promise<void> {
  const now = new Date();
  const direct = directSqlite(tx);
  if (direct) return direct.run(`UPDATE "ReceptionSession" SET "${column}" = ?, "updatedAt" = ? WHERE "id" = ?`, [value, sqliteTimestamp(now), sessionId]);
  await tx.$executeRaw`UPDATE "ReceptionSession" SET ${Prisma.raw(`"${column}"`)} = ${value}, "updatedAt" = ${now} WHERE "id" = ${sessionId}`;
}
