/**
 * Ill-formed text (a lone UTF-16 surrogate such as "a\ud800") cannot be
 * encoded as UTF-8: the database layer fails on it with an unknown error,
 * and Prisma batches concurrent `findUnique`s into one query, so one such
 * string used to fail its neighbours' reads too. It is refused at every edge
 * as BAD_REQUEST: in the shared zod schemas, in the transports (every key
 * and string of a payload, known fields or not) and at the database client.
 */

/** Node 20's String.prototype.isWellFormed (ES2024), typed here until lib ES2024. */
export function isWellFormed(s: string): boolean {
  return (s as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/**
 * The path ("name", "followUp.summary", "tags.2", "<key>") of the first
 * ill-formed string or object key in `value`, or null when all text is well
 * formed. Iterative, so a deeply nested payload cannot overflow the stack.
 */
export function findIllFormed(value: unknown): string | null {
  const stack: Array<{ value: unknown; path: string }> = [{ value, path: "" }];
  const at = (base: string, key: string) => (base ? `${base}.${key}` : key);
  let visited = 0;
  while (stack.length) {
    const { value: v, path } = stack.pop()!;
    // A payload is at most 64 KB; this bound only guards against cycles in
    // objects built in process (the database guard sees those).
    if (++visited > 1_000_000) return null;
    if (typeof v === "string") {
      if (!isWellFormed(v)) return path || "_";
    } else if (Array.isArray(v)) {
      v.forEach((item, i) => stack.push({ value: item, path: at(path, String(i)) }));
    } else if (v !== null && typeof v === "object" && !(v instanceof Date) && !ArrayBuffer.isView(v)) {
      for (const [key, item] of Object.entries(v)) {
        if (!isWellFormed(key)) return at(path, "<key>");
        stack.push({ value: item, path: at(path, key) });
      }
    }
  }
  return null;
}

export const ILL_FORMED_MESSAGE = "文字编码有误 / ill-formed text (lone UTF-16 surrogate)";

/** The contract's `details` for an ill-formed payload: the offending field → why. */
export function illFormedDetails(path: string): Record<string, string> {
  return { [path]: ILL_FORMED_MESSAGE };
}
