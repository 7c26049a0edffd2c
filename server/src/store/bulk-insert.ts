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
import { randomBytes } from "node:crypto";
import { Prisma } from "../generated/prisma/client.ts";
import type { Tx } from "./prisma.ts";

/** Rows per statement: far under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters at ~20 columns. */
const CHUNK = 500;

/** A collision-free id in the shape of a cuid (25 characters, starts with a letter). */
export const newRowId = (): string => `c${randomBytes(12).toString("hex")}`;

/**
 * Inserts `rows` (each an array in `columns` order) into `table`. The table and
 * column names are this module's callers' constants, never input.
 */
export async function insertRows(tx: Tx, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) VALUES `);
  for (let i = 0; i < rows.length; i += CHUNK) {
    const values = rows.slice(i, i + CHUNK).map((r) => Prisma.sql`(${Prisma.join(r.map(literalOrParam))})`);
    await tx.$executeRaw`${head}${Prisma.join(values)}`;
  }
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
