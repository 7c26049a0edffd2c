/** Administration, ADMIN only (docs/ARCHITECTURE.md §6): accounts, venues (家→站→室), deputy groups and backups (§6f). */
import {
  deputyGroupCreateSchema,
  deputyGroupPatchSchema,
  passwordResetSchema,
  userCreateSchema,
  userPatchSchema,
  venueCreateSchema,
  venuePatchSchema,
  type AdminUserView,
  type AdminVenueView,
  type BackupView,
} from "../back-office.ts";
import type { DeputyGroupView } from "../model.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "administration";
const ADMIN = ["ADMIN"] as const;

export const adminRoutes = {
  "GET /api/admin/users": entry({
    summary: "Every account, with its role, venues and whether it is disabled",
    tag,
    access: ADMIN,
    reply: json<{ users: AdminUserView[] }>(),
  }),
  "POST /api/admin/users": entry({
    summary: "Create an account with an initial password, to be changed at its first login",
    tag,
    access: ADMIN,
    body: userCreateSchema,
    status: 201,
    reply: json<{ user: AdminUserView }>(),
    refuses: ["CONFLICT"],
  }),
  "PATCH /api/admin/users/:id": entry({
    summary: "Change an account: its name, role, venues, department, or disable it",
    tag,
    access: ADMIN,
    params: idParam,
    body: userPatchSchema,
    reply: json<{ user: AdminUserView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/admin/users/:id/password": entry({
    summary: "Set a new initial password for an account; its logins end",
    tag,
    access: ADMIN,
    params: idParam,
    body: passwordResetSchema,
    reply: json<{ ok: true }>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/admin/venues": entry({
    summary: "Add a venue to the tree (家 → 站 → 室)",
    tag,
    access: ADMIN,
    body: venueCreateSchema,
    status: 201,
    reply: json<{ venue: AdminVenueView }>(),
    refuses: ["CONFLICT"],
  }),
  "PATCH /api/admin/venues/:id": entry({
    summary: "Change a venue: its name, kind, town, address, parent or deputy group",
    tag,
    access: ADMIN,
    params: idParam,
    body: venuePatchSchema,
    reply: json<{ venue: AdminVenueView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/admin/deputy-groups": entry({
    summary: "Add a deputy group (代表小组)",
    tag,
    access: ADMIN,
    body: deputyGroupCreateSchema,
    status: 201,
    reply: json<{ deputyGroup: DeputyGroupView }>(),
    refuses: ["CONFLICT"],
  }),
  "PATCH /api/admin/deputy-groups/:id": entry({
    summary: "Rename a deputy group or move it to another town",
    tag,
    access: ADMIN,
    params: idParam,
    body: deputyGroupPatchSchema,
    reply: json<{ deputyGroup: DeputyGroupView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "GET /api/admin/backups": entry({
    summary: "The database snapshots kept on this server, newest first",
    tag,
    access: ADMIN,
    reply: json<{ backups: BackupView[] }>(),
  }),
  "POST /api/admin/backups": entry({
    summary: "Take a database snapshot now (one at a time)",
    tag,
    access: ADMIN,
    status: 201,
    reply: json<{ backup: BackupView }>(),
    refuses: ["CONFLICT"],
  }),
} as const;
