import type { ErrorBody, ErrorCode } from "@protocol/errors.ts";

/** The contract's codes plus what can go wrong before the server answers. */
export type ClientErrorCode = ErrorCode | "TIMEOUT" | "OFFLINE" | "NETWORK";

export interface ClientError {
  code: ClientErrorCode;
  message: string;
  details?: Record<string, string>;
}

export type Result<T> = { ok: true; data: T } | { ok: false; error: ClientError };

const KNOWN: readonly string[] = [
  "BAD_REQUEST",
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "RATE_LIMITED",
  "INTERNAL",
  "PASSWORD_CHANGE_REQUIRED",
];

/** Accepts anything shaped like the contract's error body; unknown codes become INTERNAL. */
export function toClientError(body: Partial<ErrorBody> | undefined, fallback: ClientErrorCode = "INTERNAL"): ClientError {
  const code = body?.code && KNOWN.includes(body.code) ? body.code : fallback;
  return {
    code,
    message: typeof body?.message === "string" ? body.message : code,
    ...(body?.details && typeof body.details === "object" ? { details: body.details } : {}),
  };
}
