/** Staff/deputy login, token checks, logout, and the role + venue-scope rules. */
import { AppError } from "../protocol/errors.ts";
import type { Role, UserView } from "../protocol/model.ts";
import type { Actor, AuthUser, ServiceDeps } from "./deps.ts";
import { verifyPassword } from "./passwords.ts";
import { newToken, tokenHash } from "./secrets.ts";

/** The venues' people may read the back office (within their venues); a department account has its own desk (§6e). */
export const BACK_OFFICE_ROLES: readonly Role[] = ["ADMIN", "STAFF", "DEPUTY"];
/** Who may drive cases and schedule reception days: deputies read, staff act. */
export const CLERK_ROLES: readonly Role[] = ["ADMIN", "STAFF"];

/** Touching lastUsedAt on every request would turn reads into writes; once a minute is enough. */
const TOUCH_EVERY_MS = 60_000;

export function toUserView(
  u: { id: string; username: string; displayName: string; role: Role; disabled?: boolean; departmentId?: string | null },
  venueIds: string[],
): UserView {
  return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, venueIds, disabled: u.disabled ?? false, departmentId: u.departmentId ?? null };
}

export async function login(deps: ServiceDeps, username: string, password: string): Promise<{ user: UserView; token: string }> {
  const user = await deps.db.user.findUnique({ where: { username }, include: { venues: true } });
  // Verify even for unknown users so response time does not reveal which usernames exist.
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !ok || user.disabled) throw new AppError("UNAUTHENTICATED", "用户名或密码不正确 / wrong username or password");
  const token = newToken();
  await deps.db.authToken.create({ data: { tokenHash: tokenHash(token), userId: user.id } });
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
  if (now - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
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
  };
}

export async function logout(deps: ServiceDeps, hash: string): Promise<void> {
  await deps.db.authToken.updateMany({ where: { tokenHash: hash, revokedAt: null }, data: { revokedAt: deps.now() } });
}

export function requireUser(actor: Actor): AuthUser {
  if (!actor.user) throw new AppError("UNAUTHENTICATED", "请先登录 / please log in");
  return actor.user;
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
