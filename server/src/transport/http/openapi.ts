/**
 * GET /api/openapi.json: the OpenAPI 3.1 document, generated from the route
 * table (protocol/http/) by zod-openapi, so it lists exactly what the server
 * mounts. Answers are typed in TypeScript only; the document names their shape
 * in words and gives every refusal the contract's error body.
 */
import { Router } from "express";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject, type ZodOpenApiResponseObject } from "zod-openapi";
import { z } from "zod";
import pkg from "../../../../package.json" with { type: "json" };
import { ErrorCode, httpStatusOf } from "../../protocol/errors.ts";
import { httpRoutes } from "../../protocol/http/index.ts";
import { openApiPath, splitKey, type RouteEntry } from "../../protocol/http/route.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { mounter } from "./mount.ts";

const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.values(ErrorCode) as [ErrorCode, ...ErrorCode[]]),
      message: z.string().meta({ description: "in Chinese, then English" }),
      details: z.record(z.string(), z.string()).optional().meta({ description: "for BAD_REQUEST: field path → message" }),
    }),
  })
  .meta({ id: "ErrorBody" });

const refusal = (description: string) => ({ description, content: { "application/json": { schema: errorBody } } });

function operation(key: string, e: RouteEntry): ZodOpenApiOperationObject {
  const responses: Record<`${number}`, ZodOpenApiResponseObject> = {};
  const ok = `${e.status ?? 200}` as const;
  if (e.reply.kind === "json") responses[ok] = { description: e.summary, content: { "application/json": { schema: z.unknown() } } };
  else if (e.reply.kind === "file") responses[ok] = { description: e.summary, content: { [e.reply.contentType]: { schema: z.string() } } };
  else responses[ok] = { description: e.status === 302 ? "redirect (Location)" : "no content" };
  if (e.params || e.query || e.body) responses[`${httpStatusOf.BAD_REQUEST}`] = refusal("BAD_REQUEST: the input is invalid");
  if (e.access !== "public") {
    responses["401"] = refusal("UNAUTHENTICATED: no login, or it has ended");
    responses["403"] = refusal("FORBIDDEN, or PASSWORD_CHANGE_REQUIRED for an account still on its initial password");
  }
  for (const code of e.refuses ?? []) responses[`${httpStatusOf[code]}`] = refusal(code);
  return {
    operationId: key,
    summary: e.summary,
    tags: [e.tag],
    ...(e.access === "public" ? { security: [] } : { "x-roles": e.access === "login" ? "any account" : [...e.access] }),
    ...(e.params || e.query ? { requestParams: { ...(e.params ? { path: e.params as z.ZodObject } : {}), ...(e.query ? { query: e.query as z.ZodObject } : {}) } } : {}),
    ...(e.body ? { requestBody: { required: true, content: { [e.bodyType === "form" ? "application/x-www-form-urlencoded" : "application/json"]: { schema: e.body } } } } : {}),
    responses,
  };
}

export function openApiDocument(version: string = pkg.version): ReturnType<typeof createDocument> {
  const paths: ZodOpenApiPathsObject = {};
  for (const [key, e] of Object.entries(httpRoutes) as [string, RouteEntry][]) {
    const { method, path } = splitKey(key);
    const item = (paths[openApiPath(path)] ??= {});
    item[method.toLowerCase() as "get"] = operation(key, e);
  }
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Tongxin 同心 API",
      version,
      description: "代表联络站接待日 · the HTTP contract of docs/ARCHITECTURE.md §6. The live protocol (Socket.IO) is in protocol/events.ts.",
    },
    servers: [{ url: "/" }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "tongxin_token", description: "set by POST /api/auth/login" },
        bearer: { type: "http", scheme: "bearer", description: "the token POST /api/auth/login returns" },
      },
    },
    security: [{ session: [] }, { bearer: [] }],
    paths,
  });
}

/** Built once, on first request: the table does not change while the process runs. */
export function openApiRoutes(deps: ServiceDeps): Router {
  const r = Router();
  let doc: ReturnType<typeof createDocument> | null = null;
  mounter(r, deps, "/api")("GET /api/openapi.json", async ({ res }) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    return (doc ??= openApiDocument());
  });
  return r;
}
