/**
 * The venue tree (家→站→室) and deputy groups (ADMIN only). A venue's parent
 * must sit at the same or a higher level (HOME ≥ STATION ≥ STUDIO) and may
 * not be the venue itself or one of its descendants.
 */
import { venueFieldsOf } from "../../store/views.ts";
import type { z } from "zod";
import type { AdminVenueView, deputyGroupCreateSchema, deputyGroupPatchSchema, venueCreateSchema, venuePatchSchema } from "../../protocol/back-office.ts";
import { AppError } from "../../protocol/errors.ts";
import type { DeputyGroupView, VenueKind } from "../../protocol/model.ts";
import type { Tx } from "../../store/prisma.ts";
import { requireRole } from "./auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { isUniqueViolation } from "../../store/unique-violation.ts";

const LEVEL: Record<VenueKind, number> = { HOME: 0, STATION: 1, STUDIO: 2 };

const invalid = (details: Record<string, string>) => new AppError("BAD_REQUEST", "请求内容有误 / invalid request", details);

function uniqueName<T>(what: string) {
  return (e: unknown): T => {
    if (isUniqueViolation(e)) throw new AppError("CONFLICT", `${what}名称已存在 / name already taken`);
    throw e;
  };
}

async function checkPlacement(tx: Tx, venueId: string | null, kind: VenueKind, parentId: string | null, deputyGroupId: string | null): Promise<void> {
  if (deputyGroupId && !(await tx.deputyGroup.findUnique({ where: { id: deputyGroupId }, select: { id: true } }))) {
    throw invalid({ deputyGroupId: "no such deputy group" });
  }
  if (!parentId) return;
  const parent = await tx.venue.findUnique({ where: { id: parentId }, select: { id: true, kind: true } });
  if (!parent) throw invalid({ parentId: "no such venue" });
  if (LEVEL[parent.kind] > LEVEL[kind]) throw invalid({ parentId: `a ${kind} cannot sit under a ${parent.kind}` });
  // Walk up from the new parent: meeting the venue itself would close a loop.
  let cursor: string | null = parent.id;
  for (let hops = 0; cursor && hops < 100; hops++) {
    if (cursor === venueId) throw new AppError("CONFLICT", "不能把联络站放到它自己的下级 / a venue cannot sit under itself");
    const next: { parentId: string | null } | null = await tx.venue.findUnique({ where: { id: cursor }, select: { parentId: true } });
    cursor = next?.parentId ?? null;
  }
}

export async function createVenue(deps: ServiceDeps, actor: Actor, input: z.output<typeof venueCreateSchema>): Promise<{ venue: AdminVenueView }> {
  requireRole(actor, ["ADMIN"]);
  const venue = await deps.db
    .$transaction(async (tx) => {
      await checkPlacement(tx, null, input.kind, input.parentId ?? null, input.deputyGroupId ?? null);
      return tx.venue.create({
        data: {
          name: input.name,
          kind: input.kind,
          town: input.town,
          address: input.address ?? "",
          parentId: input.parentId ?? null,
          deputyGroupId: input.deputyGroupId ?? null,
          createdAt: deps.now(),
        },
      });
    })
    .catch(uniqueName<never>("联络站"));
  return { venue: venueFieldsOf(venue) };
}

export async function updateVenue(deps: ServiceDeps, actor: Actor, venueId: string, patch: z.output<typeof venuePatchSchema>): Promise<{ venue: AdminVenueView }> {
  requireRole(actor, ["ADMIN"]);
  const venue = await deps.db
    .$transaction(async (tx) => {
      const v = await tx.venue.findUnique({ where: { id: venueId } });
      if (!v) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
      const kind = patch.kind ?? v.kind;
      const parentId = patch.parentId === undefined ? v.parentId : patch.parentId;
      const deputyGroupId = patch.deputyGroupId === undefined ? v.deputyGroupId : patch.deputyGroupId;
      await checkPlacement(tx, v.id, kind, parentId, deputyGroupId);
      if (patch.kind) {
        const children = await tx.venue.findMany({ where: { parentId: v.id }, select: { kind: true } });
        if (children.some((c) => LEVEL[c.kind] < LEVEL[kind])) throw invalid({ kind: "a child venue would sit above its parent" });
      }
      return tx.venue.update({
        where: { id: v.id },
        data: { name: patch.name, kind: patch.kind, town: patch.town, address: patch.address, parentId, deputyGroupId },
      });
    })
    .catch(uniqueName<never>("联络站"));
  return { venue: venueFieldsOf(venue) };
}

export async function createDeputyGroup(deps: ServiceDeps, actor: Actor, input: z.output<typeof deputyGroupCreateSchema>): Promise<{ deputyGroup: DeputyGroupView }> {
  requireRole(actor, ["ADMIN"]);
  const g = await deps.db.deputyGroup.create({ data: { name: input.name, town: input.town, createdAt: deps.now() } }).catch(uniqueName<never>("代表小组"));
  return { deputyGroup: { id: g.id, name: g.name, town: g.town } };
}

export async function updateDeputyGroup(deps: ServiceDeps, actor: Actor, groupId: string, patch: z.output<typeof deputyGroupPatchSchema>): Promise<{ deputyGroup: DeputyGroupView }> {
  requireRole(actor, ["ADMIN"]);
  const exists = await deps.db.deputyGroup.findUnique({ where: { id: groupId }, select: { id: true } });
  if (!exists) throw new AppError("NOT_FOUND", "没有这个代表小组 / no such deputy group");
  const g = await deps.db.deputyGroup.update({ where: { id: groupId }, data: { name: patch.name, town: patch.town } }).catch(uniqueName<never>("代表小组"));
  return { deputyGroup: { id: g.id, name: g.name, town: g.town } };
}
