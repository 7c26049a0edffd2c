/** Small pieces every route file uses: async wrapper, validation, the caller, error responses. */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { AppError, httpStatusOf } from "../../protocol/errors.ts";
import type { Logger } from "../../logger.ts";
import { authenticate } from "../../services/auth.ts";
import type { Actor, ServiceDeps } from "../../services/deps.ts";
import { AUTH_COOKIE, readCookie } from "../cookies.ts";
import { badRequest, toErrorBody } from "../error-mapping.ts";

/** The token from `Authorization: Bearer …` or the session cookie. */
export function tokenOf(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) return header.slice(7).trim();
  return readCookie(req.headers.cookie, AUTH_COOKIE);
}

export async function actorOf(deps: ServiceDeps, req: Request): Promise<Actor> {
  return { user: await authenticate(deps, tokenOf(req)) };
}

export function parse<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const r = schema.safeParse(value);
  if (!r.success) {
    const body = badRequest(r.error);
    throw new AppError("BAD_REQUEST", body.message, body.details);
  }
  return r.data;
}

export function route(fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}

export function errorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const bodyError = err as { type?: string; status?: number };
    if (bodyError?.type === "entity.too.large" || bodyError?.type === "entity.parse.failed" || bodyError?.status === 400) {
      res.status(400).json({ error: { code: "BAD_REQUEST", message: bodyError.type === "entity.too.large" ? "请求过大 / payload too large" : "请求格式有误 / malformed JSON" } });
      return;
    }
    const error = toErrorBody(err, log, "http");
    res.status(httpStatusOf[error.code]).json({ error });
  };
}
