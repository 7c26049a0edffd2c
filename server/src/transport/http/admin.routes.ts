/** Administration (ADMIN only): accounts, venues (家→站→室) and deputy groups, under /api/admin. */
import { str } from "../../protocol/schemas.ts";
import { Router } from "express";
import { z } from "zod";
import {
  deputyGroupCreateSchema,
  deputyGroupPatchSchema,
  passwordResetSchema,
  userCreateSchema,
  userPatchSchema,
  venueCreateSchema,
  venuePatchSchema,
} from "../../protocol/back-office.ts";
import { createUser, listUsers, resetPassword, updateUser } from "../../services/admin-accounts.ts";
import { listBackups, takeBackup } from "../../services/backups.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { createDeputyGroup, createVenue, updateDeputyGroup, updateVenue } from "../../services/venues-admin.ts";
import { AppError } from "../../protocol/errors.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";
import { departmentAdminRoutes } from "./suggestions.routes.ts";

const idParam = z.object({ id: str().min(1).max(64) });

export function adminRoutes(deps: ServiceDeps): Router {
  const r = Router();
  // Who asks is checked before what they sent: a clerk learns nothing from a 400.
  r.use(roleGate(deps, ["ADMIN"]));

  r.get("/users", route(async (req, res) => {
    res.json(await listUsers(deps, await callerOf(deps, req, res)));
  }));
  r.post("/users", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json(await createUser(deps, actor, parse(userCreateSchema, req.body)));
  }));
  r.patch("/users/:id", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await updateUser(deps, actor, parse(idParam, req.params).id, parse(userPatchSchema, req.body)));
  }));
  r.post("/users/:id/password", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await resetPassword(deps, actor, parse(idParam, req.params).id, parse(passwordResetSchema, req.body)));
  }));

  r.post("/venues", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json(await createVenue(deps, actor, parse(venueCreateSchema, req.body)));
  }));
  r.patch("/venues/:id", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await updateVenue(deps, actor, parse(idParam, req.params).id, parse(venuePatchSchema, req.body)));
  }));

  r.use(departmentAdminRoutes(deps));

  r.post("/deputy-groups", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json(await createDeputyGroup(deps, actor, parse(deputyGroupCreateSchema, req.body)));
  }));
  r.patch("/deputy-groups/:id", route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await updateDeputyGroup(deps, actor, parse(idParam, req.params).id, parse(deputyGroupPatchSchema, req.body)));
  }));

  // Backups (§6f): the snapshots in BACKUP_DIR, and one more now. One at a time per node.
  r.get("/backups", route(async (_req, res) => {
    res.json({ backups: listBackups(deps.config) });
  }));
  let taking: ReturnType<typeof takeBackup> | null = null;
  r.post("/backups", route(async (_req, res) => {
    if (taking) throw new AppError("CONFLICT", "正在备份，请稍候 / a backup is being taken, try again shortly");
    taking = takeBackup(deps.config, deps.now());
    try {
      const { name, bytes, at } = await taking;
      res.status(201).json({ backup: { name, bytes, at } });
    } finally {
      taking = null;
    }
  }));
  return r;
}
