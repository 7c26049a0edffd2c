/** Staff/deputy login, token checks, logout, and the role + venue-scope rules. */
import { AppError } from "../../protocol/errors.ts";
import type { Role, UserView } from "../../protocol/model.ts";
import type { Actor, AuthUser, ServiceDeps } from "../deps.ts";
import { hashPassword, verifyPassword } from "./passwords.ts";
import { passwordProblem } from "../../domain/password-policy.ts";
import { newToken, tokenHash } from "./secrets.ts";

/** The venues' people may read the back office (within their venues); a department account has its own desk (§6e). */
export const BACK_OFFICE_ROLES: readonly Role[] = ["ADMIN", "STAFF", "DEPUTY"];
/** Who may drive cases and schedule reception days: deputies read, staff act. */
export const CLERK_ROLES: readonly Role[] = ["ADMIN", "STAFF"];

/**
 * Touching lastUsedAt on every request would turn reads into writes; once a
 * minute is enough (more often under a short idle timeout, so it still slides).
 */
const touchEveryMs = (idleTtlMs: number) => Math.min(60_000, Math.floor(idleTtlMs / 4));

type UserFields = { id: string; username: string; displayName: string; role: Role; disabled?: boolean; mustChangePassword?: boolean; departmentId?: string | null };

export function toUserView(u: UserFields, venueIds: string[]): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    venueIds,
    disabled: u.disabled ?? false,
    mustChangePassword: u.mustChangePassword ?? false,
    departmentId: u.departmentId ?? null,
  };
}

export async function login(deps: ServiceDeps, username: string, password: string): Promise<{ user: UserView; token: string }> {
  const user = await deps.db.user.findUnique({ where: { username }, include: { venues: true } });
  // Verify even for unknown users so response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) throw new AppError("UNAUTHENTICATED", "用户名或密码不正确 / wrong username or password");
  const token = newToken();
  // On the services' clock, the one the idle timeout is measured on (authenticate).
  const at = deps.now();
  await deps.db.authToken.create({ data: { tokenHash: tokenHash(token), userId: user.id, createdAt: at, lastUsedAt: at } });
  return { user: toUserView(user, user.venues.map((v) => v.venueId)), token };
}

// A valid scrypt hash of a random password, used to keep timing equal for unknown users.
const DUMMY_HASH = "scrypt$131072$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

export async function authenticate(deps: ServiceDeps, token: string | undefined | null): Promise<AuthUser | null> {
  if (!token || token.length > 200) return null;
  const hash = tokenHash(token);
  const row = await deps.db.authToken.findUnique({
    where: { tokenHash: hash },
    include: { user: { include: { venues: true } } },
  });
  const now = deps.now().getTime();
  if (!row || row.revokedAt || row.user.disabled) return null;
  if (now - row.lastUsedAt.getTime() > deps.config.tokenIdleTtlMs) return null;
  if (now - row.lastUsedAt.getTime() > touchEveryMs(deps.config.tokenIdleTtlMs)) {
    await deps.db.authToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const u = row.user;
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    venueIds: u.venues.map((v) => v.venueId),
    departmentId: u.departmentId,
    tokenHash: hash,
    mustChangePassword: u.mustChangePassword,
  };
}

export async function logout(deps: ServiceDeps, hash: string): Promise<void> {
  await deps.db.authToken.updateMany({ where: { tokenHash: hash, revokedAt: null }, data: { revokedAt: deps.now() } });
}

/** Logged in, whether or not the initial password is still to be changed: only /me, logout and the change itself. */
export function requireLogin(actor: Actor): AuthUser {
  if (!actor.user) throw new AppError("UNAUTHENTICATED", "请先登录 / please log in");
  return actor.user;
}

/** Every staff action: logged in, with a password the user chose (docs/SECURITY.md). */
export function requireUser(actor: Actor): AuthUser {
  const user = requireLogin(actor);
  if (user.mustChangePassword) throw new AppError("PASSWORD_CHANGE_REQUIRED", "请先修改初始密码 / please change your initial password first");
  return user;
}

/** The policy's refusal as the contract's BAD_REQUEST on `field` (docs/SECURITY.md). */
export function checkPasswordPolicy(password: string, username: string, field = "password"): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError("BAD_REQUEST", "密码不符合要求 / the password is too weak", { [field]: problem });
}

/**
 * The user chooses a new password (`POST /api/auth/password`): the current one
 * must be right, the new one must meet the policy and differ from it. Clears
 * the forced change and ends the account's other logins; this one stays.
 */
export async function changePassword(deps: ServiceDeps, actor: Actor, current: string, next: string): Promise<{ user: UserView }> {
  const me = requireLogin(actor);
  // The policy first: it is cheap, and says nothing about the current password.
  checkPasswordPolicy(next, me.username, "next");
  const row = await deps.db.user.findUnique({ where: { id: me.id } });
  if (!row || !(await verifyPassword(current, row.passwordHash))) {
    throw new AppError("BAD_REQUEST", "当前密码不正确 / the current password is wrong", { current: "password.wrongCurrent" });
  }
  if (current === next) throw new AppError("BAD_REQUEST", "新密码不能与当前密码相同 / choose a new password", { next: "password.unchanged" });
  const passwordHash = await hashPassword(next);
  const now = deps.now();
  const user = await deps.db.$transaction(async (tx) => {
    await tx.authToken.updateMany({ where: { userId: me.id, revokedAt: null, tokenHash: { not: me.tokenHash } }, data: { revokedAt: now } });
    return tx.user.update({ where: { id: me.id }, data: { passwordHash, mustChangePassword: false }, include: { venues: true } });
  });
  return { user: toUserView(user, user.venues.map((v) => v.venueId)) };
}

export function mayAccessVenue(user: AuthUser, venueId: string): boolean {
  return user.role === "ADMIN" || user.venueIds.includes(venueId);
}

/** The actor must be logged in with one of `roles` and, unless admin, scoped to the venue. */
export function requireVenueRole(actor: Actor, venueId: string, roles: readonly Role[] = BACK_OFFICE_ROLES): AuthUser {
  const user = requireUser(actor);
  if (!roles.includes(user.role) || !mayAccessVenue(user, venueId)) {
    throw new AppError("FORBIDDEN", "无权操作此联络站 / not allowed for this venue");
  }
  return user;
}

export function requireRole(actor: Actor, roles: readonly Role[]): AuthUser {
  const user = requireUser(actor);
  if (!roles.includes(user.role)) throw new AppError("FORBIDDEN", "无权操作 / not allowed");
  return user;
}
