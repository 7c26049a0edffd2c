/** 承办单位 (docs/ARCHITECTURE.md §6e): the admin adds departments; everyone logged in reads the list. */
import { AppError } from "../../protocol/errors.ts";
import type { DepartmentView } from "../../protocol/suggestions.ts";
import { requireRole, requireUser } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export async function createDepartment(deps: ServiceDeps, actor: Actor, input: { name: string }): Promise<{ department: DepartmentView }> {
  requireRole(actor, ["ADMIN"]);
  try {
    const d = await deps.db.department.create({ data: { name: input.name, createdAt: deps.now() } });
    return { department: { id: d.id, name: d.name } };
  } catch (e) {
    if ((e as { code?: string }).code === "P2002") throw new AppError("CONFLICT", "承办单位名称已存在 / a department with this name exists");
    throw e;
  }
}

export async function listDepartments(deps: ServiceDeps, actor: Actor): Promise<{ departments: DepartmentView[] }> {
  requireUser(actor);
  const rows = await deps.db.department.findMany({ select: { id: true, name: true } });
  // Sorted here so both storages read the same (collations differ).
  rows.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { departments: rows };
}
