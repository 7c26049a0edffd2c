import { useMemo } from "react";
import type { DeputyGroupView, VenueNode } from "@protocol/model.ts";
import { api } from "../../../api.ts";
import { useAuth } from "../../../stores/auth.ts";
import { useResource } from "./useResource.ts";

export interface FlatVenue extends Omit<VenueNode, "children"> {
  depth: number;
}

/** The venue tree, flattened in tree order with depth (for selects and tables). */
export function flattenVenues(nodes: readonly VenueNode[], depth = 0, out: FlatVenue[] = []): FlatVenue[] {
  for (const { children, ...v } of nodes) {
    out.push({ ...v, depth });
    flattenVenues(children, depth + 1, out);
  }
  return out;
}

/** Every venue and deputy group, and the venues the logged-in user may run. */
export function useVenues() {
  const user = useAuth((s) => s.user);
  const res = useResource(api.venues, "venues");
  const all = useMemo(() => flattenVenues(res.data?.venues ?? []), [res.data]);
  const mine = useMemo(() => (user?.role === "ADMIN" ? all : all.filter((v) => user?.venueIds.includes(v.id))), [all, user]);
  const groups: DeputyGroupView[] = res.data?.deputyGroups ?? [];
  const towns = useMemo(() => [...new Set(all.map((v) => v.town))], [all]);
  return { all, mine, groups, towns, loading: res.loading, error: res.error, reload: res.reload };
}

/** "　　三好村联络站" — indent by depth with full-width spaces so <option> shows the tree. */
export const indentName = (v: FlatVenue): string => `${"　".repeat(v.depth)}${v.name}`;
