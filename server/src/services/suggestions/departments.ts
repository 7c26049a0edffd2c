/**
 * 承办单位 (docs/ARCHITECTURE.md §6e): the admin adds departments and sets the
 * contact their deadline reminders go to; everyone logged in reads the names.
 * The contact is personal data (docs/PRIVACY.md): only the admin reads it, and
 * only the notifier's webhook carries it on.
 */
import { AppError } from "../../protocol/errors.ts";
import type { AdminDepartmentView, DepartmentCreate, DepartmentPatch, DepartmentView } from "../../protocol/suggestions.ts";
import { isUniqueViolation } from "../../store/unique-violation.ts";
import { requireRole, requireUser } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

const NAME_TAKEN = "承办单位名称已存在 / a department with this name exists";
/** "" clears the contact */
const contactOf = (c: string | undefined): string | null | undefined => (c === undefined ? undefined : c || null);
const adminView = (d: { id: string; name: string; contact: string | null }): AdminDepartmentView => ({ id: d.id, name: d.name, contact: d.contact });
const byName = <T extends { name: string }>(rows: T[]): T[] =>
  // Sorted here so both storages read the same (collations differ).
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

export async function createDepartment(deps: ServiceDeps, actor: Actor, input: DepartmentCreate): Promise<{ department: AdminDepartmentView }> {
  requireRole(actor, ["ADMIN"]);
  try {
    const d = await deps.db.department.create({ data: { name: input.name, contact: contactOf(input.contact) ?? null, createdAt: deps.now() } });
    return { department: adminView(d) };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", NAME_TAKEN);
    throw e;
  }
}

/** PATCH /api/admin/departments/:id: a new name, or a new contact ("" clears it). */
export async function updateDepartment(deps: ServiceDeps, actor: Actor, id: string, patch: DepartmentPatch): Promise<{ department: AdminDepartmentView }> {
  requireRole(actor, ["ADMIN"]);
  const found = await deps.db.department.findUnique({ where: { id }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", "没有这个承办单位 / no such department");
  try {
    const d = await deps.db.department.update({ where: { id }, data: { name: patch.name, contact: contactOf(patch.contact) } });
    return { department: adminView(d) };
  } catch (e) {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", NAME_TAKEN);
    throw e;
  }
}

export async function listDepartments(deps: ServiceDeps, actor: Actor): Promise<{ departments: DepartmentView[] }> {
  requireUser(actor);
  return { departments: byName(await deps.db.department.findMany({ select: { id: true, name: true } })) };
}

/** GET /api/admin/departments: the list with each contact, for the admin only. */
export async function listAdminDepartments(deps: ServiceDeps, actor: Actor): Promise<{ departments: AdminDepartmentView[] }> {
  requireRole(actor, ["ADMIN"]);
  return { departments: byName(await deps.db.department.findMany({ select: { id: true, name: true, contact: true } })) };
}
