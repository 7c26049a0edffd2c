export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * node-postgres ignores Prisma's `?schema=` URL parameter; turn it into a
 * search_path so each deployment (or test) can live in its own schema.
 */
export function pgAdapterConfig(url: string): { pool: { connectionString: string; options?: string; max?: number }; options: { schema?: string } } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema");
  u.searchParams.delete("schema");
  const connectionString = u.toString();
  if (!schema) return { pool: { connectionString }, options: {} };
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error("DATABASE_URL: schema must be a plain identifier");
  return { pool: { connectionString, options: `-c search_path=${schema}` }, options: { schema } };
}
