/**
 * Mounts a handler for one entry of the HTTP route table (protocol/http/):
 * the caller is checked against the entry's access before anything is read,
 * then its params, query and body are validated with the entry's schemas, and
 * what the handler returns — type-checked against the entry's answer — is sent
 * with the entry's status.
 */
import type { Request, RequestHandler, Response, Router } from "express";
import { httpRoutes, type HttpRouteKey, type HttpRoutes } from "../../protocol/http/index.ts";
import { splitKey, type AnswerOf, type ParsedOf, type RouteEntry } from "../../protocol/http/route.ts";
import type { Actor, AuthUser, ServiceDeps } from "../../services/deps.ts";
import { sendFile } from "./download.ts";
import { parse, route } from "./http-kit.ts";
import { accessGate } from "./role-gate.ts";

/** A file answer: the handler names it; the entry gives its type. */
export interface FileAnswer {
  filename: string;
  body: string;
  /** shown in the browser (printable minutes) rather than saved */
  inline?: boolean;
}

/** The checked caller; a public route reads an optional login itself (actorOf), only when it needs one. */
type Caller<E> = E extends { access: "public" } ? { caller?: undefined } : { caller: Actor & { user: AuthUser } };
type HandlerAnswer<E> = E extends { reply: { kind: "file" } } ? FileAnswer : E extends { reply: { kind: "empty" } } ? void : AnswerOf<E>;

export type RouteInput<E> = ParsedOf<E> & Caller<E> & { req: Request; res: Response };
export type RouteHandler<K extends HttpRouteKey> = (input: RouteInput<HttpRoutes[K]>) => Promise<HandlerAnswer<HttpRoutes[K]>>;

const mounted = new Map<string, string>();
/**
 * Every key mount() has registered in this process, with the path its router
 * knows it by (under the router's base): the tests hold them against the table
 * and the audit's list of writes.
 */
export const mountedRoutes = (): ReadonlyMap<string, string> => mounted;

/**
 * Binds mount() to a router that Express mounts at `base` (e.g. "/api"), so
 * each key's path is registered relative to it. `before` runs after the access
 * check and before validation (a retry answered ahead of a rate limit).
 */
export function mounter(router: Router, deps: ServiceDeps, base: string) {
  return function mount<K extends HttpRouteKey>(key: K, handler: RouteHandler<K>, before: RequestHandler[] = []): void {
    const entry: RouteEntry = httpRoutes[key];
    const { method, path } = splitKey(key);
    if (!path.startsWith(`${base}/`)) throw new Error(`${key} is not under ${base}`);
    const gate = accessGate(deps, entry.access);
    const run = route(async (req, res) => {
      const input = {
        params: entry.params ? parse(entry.params, req.params) : undefined,
        query: entry.query ? parse(entry.query, req.query) : undefined,
        body: entry.body ? parse(entry.body, req.body ?? {}) : undefined,
        caller: res.locals.actor as Actor | undefined,
        req,
        res,
      } as unknown as RouteInput<HttpRoutes[K]>;
      const answer = await handler(input);
      if (res.headersSent) return;
      if (entry.status) res.status(entry.status);
      if (entry.reply.kind === "file") {
        const out = answer as unknown as FileAnswer;
        sendFile(res, { type: entry.reply.contentType, filename: out.filename, body: out.body, inline: out.inline });
      } else if (entry.reply.kind === "empty") res.end();
      else res.json(answer);
    });
    router[method.toLowerCase() as "get"](path.slice(base.length), ...(gate ? [gate] : []), ...before, run);
    mounted.set(key, `${method} ${path.slice(base.length)}`);
  };
}
