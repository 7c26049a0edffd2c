/**
 * One entry of the HTTP contract (docs/ARCHITECTURE.md §6): what an endpoint
 * takes, what it answers and who may call it. Entries are keyed
 * `"METHOD /path"`, the way the contract is written, so the key alone tells a
 * client where to send; the server mounts its handlers from the same entries
 * (transport/http/mount.ts), the client calls them through one typed function
 * (client/src/api.ts) and `GET /api/openapi.json` is generated from them.
 */
import type { z } from "zod";
import type { Role } from "../model.ts";

/**
 * Who may call: anyone (`public`, a handler may still read an optional login),
 * any logged-in account (`login`, even one that must change its initial
 * password first), or one of the listed roles. Checked before a body is read.
 */
export type Access = "public" | "login" | readonly Role[];

declare const answerType: unique symbol;
/** A JSON answer of type T (a type only: answers are built by the services, not parsed). */
export interface JsonReply<T> {
  readonly kind: "json";
  readonly [answerType]?: T;
}
/** A generated file (CSV, printable HTML, a backup), sent as a download or inline. */
export interface FileReply {
  readonly kind: "file";
  readonly contentType: string;
}
/** No body: 204, or a redirect the handler writes itself. */
export interface EmptyReply {
  readonly kind: "empty";
}
export type Reply = JsonReply<unknown> | FileReply | EmptyReply;

export const json = <T>(): JsonReply<T> => ({ kind: "json" });
export const file = (contentType: string): FileReply => ({ kind: "file", contentType });
export const empty = (): EmptyReply => ({ kind: "empty" });

export interface RouteEntry {
  /** one line for the OpenAPI document and the human page */
  summary: string;
  /** the capability it belongs to: the OpenAPI tag */
  tag: string;
  access: Access;
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  /** how the body is sent when it is not JSON: `form` for urlencoded fields (the nginx-rtmp hooks) */
  bodyType?: "form";
  /** the success status when it is not 200 */
  status?: 201 | 204 | 302;
  reply: Reply;
  /** refusals besides the ones its access and input imply (e.g. CONFLICT, RATE_LIMITED; FORBIDDEN for a public route that checks a token or secret) */
  refuses?: readonly ("FORBIDDEN" | "NOT_FOUND" | "CONFLICT" | "RATE_LIMITED")[];
}

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
export type RouteKey = `${Method} /${string}`;
export type RouteTable = Record<RouteKey, RouteEntry>;

/** Checks an entry's shape while keeping its exact schema types. */
export const entry = <const E extends RouteEntry>(e: E): E => e;

type Field<E, K extends "params" | "query" | "body", Io extends "in" | "out"> = E extends { [P in K]: infer S extends z.ZodType }
  ? { [P in K]: Io extends "in" ? z.input<S> : z.output<S> }
  : { [P in K]?: undefined };

/** What a caller sends: the path's params, the query and the body, as each entry declares them. */
export type InputOf<E> = Field<E, "params", "in"> & Field<E, "query", "in"> & Field<E, "body", "in">;
/** What a handler receives: the same, validated and transformed. */
export type ParsedOf<E> = Field<E, "params", "out"> & Field<E, "query", "out"> & Field<E, "body", "out">;
/** What the endpoint answers: the JSON type, a file's text, or nothing. */
export type AnswerOf<E> = E extends { reply: JsonReply<infer T> } ? T : E extends { reply: FileReply } ? string : null;

export function splitKey(key: string): { method: Method; path: string } {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space) as Method, path: key.slice(space + 1) };
}

/** `/api/sessions/:id` → `/api/sessions/{id}`, the OpenAPI spelling. */
export const openApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
