/** Any thrown value → the contract's error body. Unknown errors are logged (no personal data) and answered as INTERNAL. */
import { ZodError } from "zod";
import { AppError, type ErrorBody } from "../protocol/errors.ts";
import { fieldErrors } from "../protocol/schemas.ts";
import type { Logger } from "../logger.ts";

export function badRequest(error: ZodError): ErrorBody {
  return { code: "BAD_REQUEST", message: "请求内容有误 / invalid request", details: fieldErrors(error) };
}

export function toErrorBody(e: unknown, log: Logger, where: string): ErrorBody {
  if (e instanceof AppError) return { code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) };
  if (e instanceof ZodError) return badRequest(e);
  const prismaCode = (e as { code?: unknown })?.code;
  if (prismaCode === "P2025") return { code: "NOT_FOUND", message: "not found" };
  // Only the error's class and code: messages from the database may quote values.
  log.error("unhandled error", { where, error: (e as Error)?.name ?? typeof e, code: typeof prismaCode === "string" ? prismaCode : undefined });
  return { code: "INTERNAL", message: "服务器内部错误 / internal error" };
}
