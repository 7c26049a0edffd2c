/** Logging in and out, and the account's own password (docs/SECURITY.md). */
import { loginSchema, passwordChangeSchema } from "../http-schemas.ts";
import type { UserView } from "../model.ts";
import { entry, json } from "./route.ts";

const tag = "accounts";

export const authRoutes = {
  "POST /api/auth/login": entry({
    summary: "Log in; sets the session cookie and also returns the token",
    tag,
    access: "public",
    body: loginSchema,
    reply: json<{ user: UserView; token: string }>(),
    refuses: ["RATE_LIMITED"],
  }),
  "POST /api/auth/logout": entry({ summary: "Log out; ends the token and clears the cookie", tag, access: "public", reply: json<{ ok: true }>() }),
  "GET /api/auth/me": entry({
    summary: "Who is logged in: `{ user: null }` for nobody, 401 for a login that has ended",
    tag,
    access: "public",
    reply: json<{ user: UserView | null }>(),
  }),
  "POST /api/auth/password": entry({
    summary: "Change the account's own password (also an initial one)",
    tag,
    access: "login",
    body: passwordChangeSchema,
    reply: json<{ user: UserView }>(),
    refuses: ["RATE_LIMITED"],
  }),
} as const;
