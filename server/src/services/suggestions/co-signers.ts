/**
 * 联名: the deputies a lead deputy may ask to co-sign a suggestion
 * (docs/ARCHITECTURE.md §6e) — every active deputy but the caller, by name.
 * Names only: a deputy's name is public (their page /d/:id), nothing else is sent.
 */
import type { DeputyChoice } from "../../protocol/suggestions.ts";
import { requireUser } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

export async function deputiesToCoSign(deps: ServiceDeps, actor: Actor): Promise<{ deputies: DeputyChoice[] }> {
  const me = requireUser(actor);
  const rows = await deps.db.user.findMany({ where: { role: "DEPUTY", disabled: false, id: { not: me.id } }, select: { id: true, displayName: true } });
  // Sorted here: the storages collate Chinese differently.
  return { deputies: rows.map((r) => ({ id: r.id, name: r.displayName })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN") || (a.id < b.id ? -1 : 1)) };
}
