/** Administration (ADMIN only): accounts, venues (家→站→室) and deputy groups, under /api/admin. */
import { Router } from "express";
import { AppError } from "../../protocol/errors.ts";
import { createUser, listUsers, resetPassword, updateUser } from "../../services/privacy-and-accounts/admin-accounts.ts";
import { listBackups, takeBackup } from "../../services/privacy-and-accounts/backups.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { createDeputyGroup, createVenue, updateDeputyGroup, updateVenue } from "../../services/privacy-and-accounts/venues-admin.ts";
import { mounter } from "./mount.ts";
import { accessGate } from "./role-gate.ts";
import { departmentAdminRoutes } from "./suggestions.routes.ts";

export function adminRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api/admin");
  // Who asks is checked before what they sent (each entry's access is ADMIN): a clerk learns nothing from a 400.
  mount("GET /api/admin/users", ({ caller }) => listUsers(deps, caller));
  mount("POST /api/admin/users", ({ caller, body }) => createUser(deps, caller, body));
  mount("PATCH /api/admin/users/:id", ({ caller, params, body }) => updateUser(deps, caller, params.id, body));
  mount("POST /api/admin/users/:id/password", ({ caller, params, body }) => resetPassword(deps, caller, params.id, body));

  mount("POST /api/admin/venues", ({ caller, body }) => createVenue(deps, caller, body));
  mount("PATCH /api/admin/venues/:id", ({ caller, params, body }) => updateVenue(deps, caller, params.id, body));

  mount("POST /api/admin/deputy-groups", ({ caller, body }) => createDeputyGroup(deps, caller, body));
  mount("PATCH /api/admin/deputy-groups/:id", ({ caller, params, body }) => updateDeputyGroup(deps, caller, params.id, body));

  // Backups (§6f): the snapshots in BACKUP_DIR, and one more now. One at a time per node.
  mount("GET /api/admin/backups", async () => ({ backups: listBackups(deps.config) }));
  let taking: ReturnType<typeof takeBackup> | null = null;
  mount("POST /api/admin/backups", async () => {
    if (taking) throw new AppError("CONFLICT", "正在备份，请稍候 / a backup is being taken, try again shortly");
    taking = takeBackup(deps.config, deps.now());
    try {
      const { name, bytes, at } = await taking;
      return { backup: { name, bytes, at } };
    } finally {
      taking = null;
    }
  });

  // Departments: the rest of /api/admin, behind the same gate; anything else under /api/admin is refused
  // to a non-admin (401/403) rather than answered 404, as before.
  r.use(accessGate(deps, ["ADMIN"])!, departmentAdminRoutes(deps));
  return r;
}
