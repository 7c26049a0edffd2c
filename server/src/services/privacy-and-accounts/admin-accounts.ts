/**
 * Accounts (ADMIN only): list, create, change role / name / venue scope,
 * disable, reset a password. Disabling or resetting revokes the user's
 * tokens, so a lost phone or a departed clerk is locked out at once (sockets
 * re-check the token on every event).
 */
import { z } from "zod";
import type { AdminUserView, passwordResetSchema, userCreateSchema, userPatchSchema } from "../../protocol/back-office.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Role } from "../../protocol/model.ts";
import type { Tx } from "../../store/prisma.ts";
import { checkPasswordPolicy, requireRole } from "./auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { hashPassword } from "./passwords.ts";
import { isUniqueViolation } from "../../store/unique-violation.ts";
import { appendAudit } from "./audit.ts";
import { passwordProblem, type PasswordProblem } from "../../domain/password-policy.ts";

type UserRow = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  departmentId: string | null;
  venues: { venueId: string }[];
};

const toAdminView = (u: UserRow): AdminUserView => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  venueIds: u.venues.map((v) => v.venueId),
  disabled: u.disabled,
  createdAt: u.createdAt.toISOString(),
  departmentId: u.departmentId,
});

/**
 * A department account (§6e) answers for exactly one department and runs no
 * venue; no other role has a department. Returns the departmentId to store.
 */
async function checkDepartment(db: ServiceDeps["db"] | Tx, role: Role, departmentId: string | null | undefined, venueIds: string[]): Promise<string | null> {
  if (role !== "DEPARTMENT") {
    if (departmentId) throw invalid({ departmentId: "only for role DEPARTMENT" });
    return null;
  }
  if (!departmentId) throw invalid({ departmentId: "required for role DEPARTMENT" });
  if (venueIds.length) throw invalid({ venueIds: "a department account has no venues" });
  const found = await db.department.findUnique({ where: { id: departmentId }, select: { id: true } });
  if (!found) throw invalid({ departmentId: "unknown department" });
  return departmentId;
}

const invalid = (details: Record<string, string>) => new AppError("BAD_REQUEST", "请求内容有误 / invalid request", details);

async function checkVenues(db: ServiceDeps["db"] | Tx, venueIds: string[]): Promise<void> {
  if (venueIds.length === 0) return;
  const found = await db.venue.count({ where: { id: { in: venueIds } } });
  if (found !== new Set(venueIds).size) throw invalid({ venueIds: "unknown venue" });
}

async function revokeTokens(db: ServiceDeps["db"] | Tx, userId: string, at: Date): Promise<void> {
  await db.authToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at } });
}

export async function listUsers(deps: ServiceDeps, actor: Actor): Promise<{ users: AdminUserView[] }> {
  requireRole(actor, ["ADMIN"]);
  const users = await deps.db.user.findMany({ include: { venues: true } });
  // Sorted here, by role name then username, code unit by code unit: PostgreSQL
  // would order the role enum by declaration and text by its collation, SQLite
  // both as plain text, and the list must read the same on either.
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  users.sort((a, b) => byText(a.role, b.role) || byText(a.username, b.username));
  return { users: users.map(toAdminView) };
}

/**
 * An account's password must meet the policy, and is an initial password the
 * user replaces at first login. (The demo seed's accounts, which share the
 * documented demo password and are not asked to change it, are written by the
 * seed itself: DEMO_SEED only, docs/SECURITY.md.)
 */
export async function createUser(deps: ServiceDeps, actor: Actor, input: z.output<typeof userCreateSchema>): Promise<{ user: AdminUserView }> {
  requireRole(actor, ["ADMIN"]);
  checkPasswordPolicy(input.password, input.username);
  await checkVenues(deps.db, input.venueIds);
  const departmentId = await checkDepartment(deps.db, input.role, input.departmentId, input.venueIds);
  if (await deps.db.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new AppError("CONFLICT", "用户名已存在 / username already taken");
  }
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await deps.db.user.create({
      data: {
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        passwordHash,
        mustChangePassword: true,
        departmentId,
        createdAt: deps.now(),
        venues: { create: [...new Set(input.venueIds)].map((venueId) => ({ venueId })) },
      },
      include: { venues: true },
    });
    return { user: toAdminView(user) };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", "用户名已存在 / username already taken");
    throw e;
  }
}

export async function updateUser(deps: ServiceDeps, actor: Actor, userId: string, patch: z.output<typeof userPatchSchema>): Promise<{ user: AdminUserView }> {
  const admin = requireRole(actor, ["ADMIN"]);
  const now = deps.now();
  const user = await deps.db.$transaction(async (tx) => {
    const u = await tx.user.findUnique({ where: { id: userId }, include: { venues: true } });
    if (!u) throw new AppError("NOT_FOUND", "没有这个账号 / no such user");
    const losesAdmin = u.role === "ADMIN" && ((patch.role && patch.role !== "ADMIN") || patch.disabled === true);
    if (losesAdmin && u.id === admin.id) throw new AppError("CONFLICT", "不能停用或降级自己的管理员账号 / you cannot disable or demote yourself");
    if (losesAdmin) {
      const others = await tx.user.count({ where: { role: "ADMIN", disabled: false, id: { not: u.id } } });
      if (others === 0) throw new AppError("CONFLICT", "至少保留一个管理员 / keep at least one admin");
    }
    if (patch.venueIds) {
      await checkVenues(tx, patch.venueIds);
      await tx.userVenue.deleteMany({ where: { userId } });
      if (patch.venueIds.length) await tx.userVenue.createMany({ data: [...new Set(patch.venueIds)].map((venueId) => ({ userId, venueId })) });
    }
    const role = patch.role ?? u.role;
    const departmentId =
      patch.role !== undefined || patch.departmentId !== undefined
        ? await checkDepartment(tx, role, patch.departmentId ?? (role === "DEPARTMENT" ? u.departmentId : null), patch.venueIds ?? u.venues.map((v) => v.venueId))
        : u.departmentId;
    if (patch.disabled === true && !u.disabled) await revokeTokens(tx, userId, now);
    return tx.user.update({
      where: { id: userId },
      data: { displayName: patch.displayName, role: patch.role, disabled: patch.disabled, departmentId },
      include: { venues: true },
    });
  });
  return { user: toAdminView(user) };
}

export async function resetPassword(deps: ServiceDeps, actor: Actor, userId: string, input: z.output<typeof passwordResetSchema>): Promise<{ ok: true }> {
  requireRole(actor, ["ADMIN"]);
  const exists = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, username: true } });
  if (!exists) throw new AppError("NOT_FOUND", "没有这个账号 / no such user");
  checkPasswordPolicy(input.password, exists.username);
  const passwordHash = await hashPassword(input.password);
  // A password an admin chose is known to two people: the user replaces it at the next login.
  await deps.db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash, mustChangePassword: true } });
    await revokeTokens(tx, userId, deps.now());
  });
  return { ok: true };
}

/**
 * An admin account from the server's console (`npm run admin:create`): how a
 * station without the demo gets its first admin, or a new one when every
 * admin's password is lost. Same password policy; the password is an initial
 * one, changed at first login. Recorded in the audit as the console's.
 */
export async function createConsoleAdmin(
  db: ServiceDeps["db"],
  input: { username: string; displayName: string; password: string },
  now: Date,
): Promise<{ id: string } | { problem: PasswordProblem | "username.invalid" | "username.taken" }> {
  const username = input.username.trim();
  if (!/^[a-zA-Z0-9._-]{2,50}$/.test(username)) return { problem: "username.invalid" };
  const problem = passwordProblem(input.password, username);
  if (problem) return { problem };
  if (await db.user.findUnique({ where: { username }, select: { id: true } })) return { problem: "username.taken" };
  const user = await db.user.create({
    data: { username, displayName: input.displayName.trim() || username, role: "ADMIN", passwordHash: await hashPassword(input.password), mustChangePassword: true, createdAt: now },
  });
  await appendAudit(db, { at: now, userId: null, username: "(console)", action: "user.create", target: `user:${user.id}`, result: "ok" });
  return { id: user.id };
}
