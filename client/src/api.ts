/**
 * The HTTP side of the contract (docs/ARCHITECTURE.md §6): JSON in and out,
 * errors as `{ error: { code, message, details? } }`. Same origin, so the
 * staff session cookie rides along.
 */
import type { HttpRouteKey, HttpRoutes } from "@protocol/http/index.ts";
import type { AnswerOf, InputOf } from "@protocol/http/route.ts";
import { toClientError, type ClientErrorCode, type Result } from "./lib/client-error.ts";

const STATUS_CODES: Record<number, ClientErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHENTICATED",
  403: "FORBIDDEN",
  404: "NOT_FOUND",
  409: "CONFLICT",
  429: "RATE_LIMITED",
};

export type AuthSignal = "ended" | "passwordChangeRequired";
let authListener: ((signal: AuthSignal) => void) | null = null;
/**
 * The auth store hears here when any call finds the login ended (401) or
 * waiting for a new password (403 PASSWORD_CHANGE_REQUIRED), so every page
 * sends the person to the right place instead of showing a raw error.
 */
export function onAuthSignal(listener: (signal: AuthSignal) => void): void {
  authListener = listener;
}

/**
 * Which login a call was sent under: bumped on every login, logout and
 * password change. An answer to a call sent under an earlier login (a 401 that
 * arrives after the person has logged in again) says nothing about this one.
 */
let loginGeneration = 0;
export const currentLogin = (): number => loginGeneration;
export function loginChanged(): void {
  loginGeneration += 1;
}

/** The socket's staff events report the same two answers here, with the login they were sent under. */
export function signalAuth(signal: AuthSignal, sentUnder: number): void {
  if (sentUnder === loginGeneration) authListener?.(signal);
}

/** One JSON call to the API; failures come back as the contract's codes (or NETWORK/OFFLINE). */
export async function request<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Result<T>> {
  let res: Response;
  const sentUnder = currentLogin();
  try {
    res = await fetch(path, {
      method,
      credentials: "same-origin",
      headers: body === undefined ? { accept: "application/json", ...headers } : { accept: "application/json", "content-type": "application/json", ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    return { ok: false, error: { code: navigator.onLine ? "NETWORK" : "OFFLINE", message: "network error" } };
  }
  const json: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { ok: true, data: json as T };
  const body_ = (json as { error?: Parameters<typeof toClientError>[0] } | undefined)?.error;
  const error = toClientError(body_, STATUS_CODES[res.status] ?? "INTERNAL");
  // A wrong password at the login is no ended session.
  if (error.code === "UNAUTHENTICATED" && path !== "/api/auth/login") signalAuth("ended", sentUnder);
  if (error.code === "PASSWORD_CHANGE_REQUIRED") signalAuth("passwordChangeRequired", sentUnder);
  return { ok: false, error };
}

type Scalar = string | number | boolean | Date | null | undefined;

/** `?a=1&b=2` from the defined, non-empty values (a date as ISO), or "": for API calls and page links alike. */
export function query(params: Readonly<Record<string, Scalar>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, v instanceof Date ? v.toISOString() : String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
/** What a route takes, plus any headers it reads (x-voter-token, x-booking-token). */
export type CallInput<K extends HttpRouteKey> = InputOf<HttpRoutes[K]> & { headers?: Record<string, string> };
/** Routes that take nothing may be called without an input. */
type CallArgs<K extends HttpRouteKey> = Partial<CallInput<K>> extends CallInput<K> ? [input?: CallInput<K>] : [input: CallInput<K>];

/**
 * The route's URL: `:name` filled from params (encoded), the query from its
 * defined, non-empty values. Also for links to files (CSV, calendar, minutes).
 */
export function routeUrl<K extends HttpRouteKey>(key: K, ...[input]: CallArgs<K>): string {
  const path = key.slice(key.indexOf(" ") + 1);
  const params = (input?.params ?? {}) as Record<string, string>;
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  return filled + query((input?.query ?? {}) as Record<string, Scalar>);
}

/**
 * Calls one route of the HTTP contract (server/src/protocol/http/): the key
 * names method and path, the input is checked against the route's schemas and
 * the answer typed as the server's handler returns it.
 */
export function call<K extends HttpRouteKey>(key: K, ...args: CallArgs<K>): Promise<Result<AnswerOf<HttpRoutes[K]>>> {
  const input = args[0];
  const method = key.slice(0, key.indexOf(" "));
  const body = input?.body ?? (method === "GET" || method === "DELETE" ? undefined : {});
  return request<AnswerOf<HttpRoutes[K]>>(method, routeUrl(key, ...args), body, input?.headers);
}


export const api = {
  login: (username: string, password: string) => call("POST /api/auth/login", { body: { username, password } }),
  logout: () => call("POST /api/auth/logout"),
  /** the account's own new password (docs/SECURITY.md) */
  changePassword: (current: string, next: string) => call("POST /api/auth/password", { body: { current, next } }),
  /** `{ user: null }` when no one is logged in; 401 when a login has expired */
  me: () => call("GET /api/auth/me"),
  venues: () => call("GET /api/venues"),
  sessions: (query: InputOf<HttpRoutes["GET /api/sessions"]>["query"]) => call("GET /api/sessions", { query }),
  session: (id: string) => call("GET /api/sessions/:id", { params: { id } }),
  track: (code: string) => call("GET /api/track/:code", { params: { code } }),
};
