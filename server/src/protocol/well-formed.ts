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
 * It runs on every payload and every database query (a join storm's batch
 * insert holds thousands of values), so paths are not built while walking:
 * each entry keeps its parent and key, and the path is spelled out only for
 * the ill-formed one.
 */
export function findIllFormed(value: unknown): string | null {
  const stack: Step[] = [{ value, parent: null, key: "" }];
  let visited = 0;
  while (stack.length) {
    const step = stack.pop()!;
    const v = step.value;
    // A payload is at most 64 KB; this bound only guards against cycles in
    // objects built in process (the database guard sees those).
    if (++visited > 1_000_000) return null;
    if (typeof v === "string") {
      if (!isWellFormed(v)) return pathOf(step) || "_";
    } else if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) stack.push({ value: v[i], parent: step, key: i });
    } else if (v !== null && typeof v === "object" && !(v instanceof Date) && !ArrayBuffer.isView(v)) {
      for (const key of Object.keys(v)) {
        if (!isWellFormed(key)) return pathOf({ value: undefined, parent: step, key: "<key>" });
        stack.push({ value: (v as Record<string, unknown>)[key], parent: step, key });
      }
    }
  }
  return null;
}

/** One value still to look at, and how it was reached (the root has no parent). */
interface Step {
  value: unknown;
  parent: Step | null;
  key: string | number;
}

function pathOf(step: Step): string {
  const keys: string[] = [];
  for (let s: Step | null = step; s?.parent; s = s.parent) keys.push(String(s.key));
  return keys.reverse().join(".");
}

export const ILL_FORMED_MESSAGE = "文字编码有误 / ill-formed text (lone UTF-16 surrogate)";

/** The contract's `details` for an ill-formed payload: the offending field → why. */
export function illFormedDetails(path: string): Record<string, string> {
  return { [path]: ILL_FORMED_MESSAGE };
}
