/** The error codes of the contract (docs/ARCHITECTURE.md §5–6). */
export const ErrorCode = {
  BAD_REQUEST: "BAD_REQUEST",
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  CONFLICT: "CONFLICT",
  RATE_LIMITED: "RATE_LIMITED",
  INTERNAL: "INTERNAL",
  /** extension (docs/SECURITY.md): logged in with an initial password; only choosing a new one is allowed */
  PASSWORD_CHANGE_REQUIRED: "PASSWORD_CHANGE_REQUIRED",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** HTTP status for each code. */
export const httpStatusOf: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  PASSWORD_CHANGE_REQUIRED: 403,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  /** For BAD_REQUEST: field path → message. */
  details?: Record<string, string>;
}

export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckFn<T> = (result: Ack<T>) => void;

/** Thrown by services; mapped to the contract at the transport edge. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, string>,
  ) {
    super(message);
    this.name = "AppError";
  }
}
