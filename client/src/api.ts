/**
 * The HTTP side of the contract (docs/ARCHITECTURE.md §6): JSON in and out,
 * errors as `{ error: { code, message, details? } }`. Same origin, so the
 * staff session cookie rides along.
 */
import type {
  DeputyGroupView,
  SessionView,
  TrackSuggestionView,
  TrackView,
  UserView,
  VenueNode,
} from "@protocol/model.ts";
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

/** `placesLeft`: bookable places still free (docs/ARCHITECTURE.md §6b; 0 when the day takes no bookings). */
export type SessionListItem = SessionView & { live: boolean; placesLeft?: number };

export const api = {
  login: (username: string, password: string) =>
    request<{ user: UserView; token: string }>("POST", "/api/auth/login", { username, password }),
  logout: () => request<unknown>("POST", "/api/auth/logout", {}),
  /** the account's own new password (docs/SECURITY.md) */
  changePassword: (current: string, next: string) => request<{ user: UserView }>("POST", "/api/auth/password", { current, next }),
  /** `{ user: null }` when no one is logged in; 401 when a login has expired */
  me: () => request<{ user: UserView | null }>("GET", "/api/auth/me"),
  venues: () => request<{ venues: VenueNode[]; deputyGroups: DeputyGroupView[] }>("GET", "/api/venues"),
  sessions: (query: { from?: string; to?: string; venueId?: string; status?: string; town?: string }) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v) params.set(k, v);
    return request<{ sessions: SessionListItem[] }>("GET", `/api/sessions?${params}`);
  },
  session: (id: string) => request<{ session: SessionView }>("GET", `/api/sessions/${encodeURIComponent(id)}`),
  track: (code: string) => request<{ case: TrackView; suggestion: TrackSuggestionView | null }>("GET", `/api/track/${encodeURIComponent(code)}`),
};
