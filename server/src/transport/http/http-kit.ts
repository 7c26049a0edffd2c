/** Small pieces every route file uses: async wrapper, validation, the caller, error responses. */
import type { NextFunction, Request, RequestHandler, Response } from "express";
import type { z } from "zod";
import { idParam } from "../../protocol/http/params.ts";
import { uuidRequestId } from "../../protocol/schemas.ts";
import { AppError, httpStatusOf } from "../../protocol/errors.ts";
import type { Logger } from "../../logger.ts";
import { authenticate } from "../../services/privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../../services/deps.ts";
import { AUTH_COOKIE, readCookie } from "../cookies.ts";
import { findIllFormed, ILL_FORMED_MESSAGE, illFormedDetails } from "../../protocol/well-formed.ts";
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

/**
 * The requestId of an HTTP create's body, when it is a well-formed one (else
 * null: the create's own validation answers BAD_REQUEST). Read before a
 * per-address limit, so a retry can be answered without being counted.
 */
function retryRequestId(body: unknown): string | null {
  const id = uuidRequestId.safeParse((body as { requestId?: unknown } | null | undefined)?.requestId);
  return id.success ? id.data : null;
}

export function route(fn: (req: Request, res: Response) => Promise<unknown>): RequestHandler {
  return (req, res, next) => {
    fn(req, res).catch(next);
  };
}

/** A middleware step before a route's handler: it may answer (a retry's first answer) or throw; otherwise the route goes on. */
export function step(fn: (req: Request, res: Response) => Promise<void>): RequestHandler {
  return (req, res, next) => {
    fn(req, res).then(() => (res.headersSent ? undefined : next()), next);
  };
}

/**
 * The step before an HTTP create's per-address limit: a retry (a requestId
 * already answered in the scope the path's `:id` names — a day, a venue) gets
 * the first answer, 201, creating nothing and not counted, so a voter behind a
 * busy address still learns their code.
 */
export function answerRetry(firstAnswer: (scopeId: string, requestId: string) => Promise<unknown>): RequestHandler {
  return step(async (req, res) => {
    const requestId = retryRequestId(req.body);
    const scope = idParam.shape.id.safeParse(req.params.id);
    const first = requestId && scope.success ? await firstAnswer(scope.data, requestId) : null;
    if (first) res.status(201).json(first);
  });
}

/**
 * Refuses a request whose JSON body or query holds ill-formed text (a lone
 * surrogate) in any key or value, known field or not, so none reaches a
 * service or the database (protocol/well-formed.ts). Runs after the body parser.
 */
export function rejectIllFormedInput(): RequestHandler {
  return (req, res, next) => {
    const where = findIllFormed(req.body) ?? prefixed("query", findIllFormed(req.query));
    if (where === null) return next();
    res.status(400).json({ error: { code: "BAD_REQUEST", message: ILL_FORMED_MESSAGE, details: illFormedDetails(where) } });
  };
}
const prefixed = (prefix: string, path: string | null) => (path === null ? null : `${prefix}.${path}`);

/**
 * body-parser's refusals (express.json), answered in the contract's shape:
 * an unsupported charset (`charset=latin2`) or `Content-Encoding` (`zstd`) is
 * 415 Unsupported Media Type, as body-parser says; malformed JSON, a bad
 * gzip stream or an aborted body 400; too large stays 400 as before. Never 500.
 */
function bodyParserRefusal(err: unknown): { status: number; message: string } | null {
  const e = err as { type?: unknown; status?: unknown; expose?: unknown };
  if (typeof e?.type !== "string" || typeof e.status !== "number") return null;
  if (e.type === "entity.too.large") return { status: 400, message: "请求过大 / payload too large" };
  if (e.type === "charset.unsupported") return { status: 415, message: "不支持的字符集，请用 UTF-8 / unsupported charset, use UTF-8" };
  if (e.type === "encoding.unsupported") return { status: 415, message: "不支持的内容编码 / unsupported Content-Encoding" };
  if (e.status >= 400 && e.status < 500) return { status: 400, message: "请求格式有误 / malformed request body" };
  return null;
}

export function errorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const refusal = bodyParserRefusal(err);
    if (refusal) {
      res.status(refusal.status).json({ error: { code: "BAD_REQUEST", message: refusal.message } });
      return;
    }
    if ((err as { status?: unknown })?.status === 400) {
      // Express itself (e.g. a path parameter that is not valid UTF-8).
      res.status(400).json({ error: { code: "BAD_REQUEST", message: "请求格式有误 / malformed request" } });
      return;
    }
    const error = toErrorBody(err, log, "http");
    res.status(httpStatusOf[error.code]).json({ error });
  };
}
