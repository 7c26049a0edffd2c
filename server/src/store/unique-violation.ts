/** Whether a database error is a unique-constraint violation (Prisma's P2002), on either storage. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
