/**
 * The public pages of the message box (docs/ARCHITECTURE.md §6d): a station's page
 * (/v/:venueId) and an active deputy's page (/d/:userId). Deputies are
 * public figures here: their display name, groups and stations, nothing else.
 */
import { AppError } from "../../protocol/errors.ts";
import type { DeputyPublicView, VenuePublicView } from "../../protocol/messages.ts";
import type { ServiceDeps } from "../deps.ts";

export async function venuePublic(deps: ServiceDeps, venueId: string): Promise<VenuePublicView> {
  const v = await deps.db.venue.findUnique({
    where: { id: venueId },
    include: {
      deputyGroup: { select: { name: true } },
      scopes: { where: { user: { role: "DEPUTY", disabled: false } }, select: { user: { select: { id: true, displayName: true } } } },
    },
  });
  if (!v) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
  const deputies = v.scopes.map((s) => ({ id: s.user.id, name: s.user.displayName })).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  return { id: v.id, name: v.name, kind: v.kind, town: v.town, address: v.address, deputyGroupName: v.deputyGroup?.name ?? null, deputies };
}

export async function deputyPublic(deps: ServiceDeps, userId: string): Promise<DeputyPublicView> {
  const u = await deps.db.user.findUnique({
    where: { id: userId },
    select: {
      role: true,
      disabled: true,
      displayName: true,
      venues: { select: { venue: { select: { id: true, name: true, town: true, address: true, deputyGroup: { select: { name: true } } } } } },
    },
  });
  // A staff account, an admin or a disabled deputy has no public page: the same 404 as no account at all.
  if (!u || u.role !== "DEPUTY" || u.disabled) throw new AppError("NOT_FOUND", "没有这位代表 / no such deputy");
  const venues = u.venues.map((x) => x.venue).sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
  const groups = [...new Set(venues.map((v) => v.deputyGroup?.name).filter((n): n is string => !!n))];
  return { id: userId, name: u.displayName, groups, venues: venues.map(({ id, name, town, address }) => ({ id, name, town, address })) };
}
