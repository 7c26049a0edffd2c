/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import { Router } from "express";
import { loginSchema } from "../../protocol/http-schemas.ts";
import { login, logout, requireUser, toUserView } from "../../services/auth.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { tokenHash } from "../../services/secrets.ts";
import { AUTH_COOKIE } from "../cookies.ts";
import { actorOf, parse, route, tokenOf } from "./http-kit.ts";

export function authRoutes(deps: ServiceDeps, onLogout: (tokenHash: string) => void): Router {
  const r = Router();
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, secure: deps.config.secureCookies, path: "/" };

  r.post("/login", route(async (req, res) => {
    const { username, password } = parse(loginSchema, req.body);
    const { user, token } = await login(deps, username, password);
    res.cookie(AUTH_COOKIE, token, { ...cookieOptions, maxAge: deps.config.tokenIdleTtlMs });
    res.json({ user, token });
  }));

  r.post("/logout", route(async (req, res) => {
    const token = tokenOf(req);
    if (token) {
      await logout(deps, tokenHash(token));
      onLogout(tokenHash(token));
    }
    res.clearCookie(AUTH_COOKIE, cookieOptions);
    res.json({ ok: true });
  }));

  r.get("/me", route(async (req, res) => {
    // Nobody logged in is an answer, not an error (a 401 on every public page is console noise);
    // a token that no longer works is still 401, so a stale login is told apart.
    if (!tokenOf(req)) {
      res.json({ user: null });
      return;
    }
    const user = requireUser(await actorOf(deps, req));
    res.json({ user: toUserView(user, user.venueIds) });
  }));
  return r;
}
