/** POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me, POST /api/auth/password. */
import { createHash } from "node:crypto";
import { Router } from "express";
import type { Logger } from "../../logger.ts";
import { AppError } from "../../protocol/errors.ts";
import { changePassword, login, logout, requireLogin, toUserView } from "../../services/privacy-and-accounts/auth.ts";
import { recordLoginFailure } from "../../services/privacy-and-accounts/audit.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { tokenHash } from "../../services/privacy-and-accounts/secrets.ts";
import { addressKey } from "../client-address.ts";
import { AUTH_COOKIE } from "../cookies.ts";
import { MemoryWindows } from "../fixed-windows.ts";
import { LoginThrottle } from "../login-throttle.ts";
import { actorOf, tokenOf } from "./http-kit.ts";
import { mounter } from "./mount.ts";

/** Logs name an account by a short hash, not its username; an address likewise. */
const pseudonym = (value: string) => createHash("sha256").update(value).digest("hex").slice(0, 12);

export function authRoutes(deps: ServiceDeps, onLogout: (tokenHash: string) => void, log?: Logger): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api/auth");
  // Brute-force limits per account and address (login-throttle.ts): shared by the nodes
  // through Redis, or in this process on the services' clock.
  const windows = deps.sharedWindows ?? new MemoryWindows(() => deps.now().getTime());
  const throttle = new LoginThrottle({ maxFailures: deps.config.loginMaxFailures, windowMs: deps.config.loginWindowMs }, windows);
  // No Max-Age: the cookie ends with the browser, and the server alone ends an
  // idle login (TOKEN_IDLE_TTL_MS after the last use, sliding; services/privacy-and-accounts/auth.ts).
  // A fixed Max-Age from the login would cut off someone still at work.
  const cookieOptions = { httpOnly: true, sameSite: "lax" as const, secure: deps.config.secureCookies, path: "/" };

  mount("POST /api/auth/login", async ({ body: { username, password }, req, res }) => {
    const address = addressKey(req.ip);
    const account = username.toLowerCase();
    const attempt = await throttle.begin(address, account);
    if (attempt.refused) {
      res.set("Retry-After", String(attempt.refused.retryAfterSec));
      await recordLoginFailure(deps, username, "RATE_LIMITED");
      throw new AppError("RATE_LIMITED", "登录失败次数过多，请稍后再试 / too many failed logins, try again later");
    }
    let answer: Awaited<ReturnType<typeof login>>;
    try {
      answer = await login(deps, username, password);
    } catch (e) {
      // Never the password, nor the username in clear: short hashes tell lockouts apart.
      for (const scope of attempt.fills) log?.warn("login locked", { scope, account: pseudonym(account), address: pseudonym(address) });
      await recordLoginFailure(deps, username, e instanceof AppError ? e.code : "INTERNAL");
      throw e;
    }
    await throttle.succeeded(address, account);
    const { user, token } = answer;
    res.cookie(AUTH_COOKIE, token, cookieOptions);
    return { user, token };
  });

  mount("POST /api/auth/logout", async ({ req, res }) => {
    const token = tokenOf(req);
    if (token) {
      await logout(deps, tokenHash(token));
      onLogout(tokenHash(token));
    }
    res.clearCookie(AUTH_COOKIE, cookieOptions);
    return { ok: true };
  });

  mount("GET /api/auth/me", async ({ req }) => {
    // Nobody logged in is an answer, not an error (a 401 on every public page is console noise);
    // a token that no longer works is still 401, so a stale login is told apart.
    if (!tokenOf(req)) return { user: null };
    const user = requireLogin(await actorOf(deps, req));
    return { user: toUserView(user, user.venueIds) };
  });

  // The account's own new password (docs/SECURITY.md). A wrong current password
  // counts against the same limits as a wrong login, so a borrowed session cannot
  // guess it; the audit records `auth.password` with its result (audit-hooks.ts).
  mount("POST /api/auth/password", async ({ caller, body: { current, next }, req, res }) => {
    const me = caller.user;
    const address = addressKey(req.ip);
    const account = me.username.toLowerCase();
    const attempt = await throttle.begin(address, account);
    if (attempt.refused) {
      res.set("Retry-After", String(attempt.refused.retryAfterSec));
      throw new AppError("RATE_LIMITED", "尝试次数过多，请稍后再试 / too many attempts, try again later");
    }
    let answer: Awaited<ReturnType<typeof changePassword>>;
    try {
      answer = await changePassword(deps, caller, current, next);
    } catch (e) {
      const wrongCurrent = e instanceof AppError && e.details?.current !== undefined;
      if (!wrongCurrent) await throttle.succeeded(address, account);
      throw e;
    }
    await throttle.succeeded(address, account);
    return answer;
  });
  return r;
}
