/** The public venue tree (家→站→室) with deputy groups. */
import type { DeputyGroupView, VenueNode } from "../../protocol/model.ts";
import { venueFieldsOf } from "../../store/views.ts";
import type { ServiceDeps } from "../deps.ts";

export async function venueTree(deps: ServiceDeps): Promise<{ venues: VenueNode[]; deputyGroups: DeputyGroupView[] }> {
  const [venues, groups] = await Promise.all([
    deps.db.venue.findMany({ orderBy: [{ town: "asc" }, { kind: "asc" }, { name: "asc" }], include: { deputyGroup: true } }),
    deps.db.deputyGroup.findMany({ orderBy: [{ town: "asc" }, { name: "asc" }] }),
  ]);
  const nodes = new Map<string, VenueNode>(
    venues.map((v) => [
      v.id,
      {
        ...venueFieldsOf(v),
        deputyGroupName: v.deputyGroup?.name ?? null,
        children: [],
      },
    ]),
  );
  const roots: VenueNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return { venues: roots, deputyGroups: groups.map((g) => ({ id: g.id, name: g.name, town: g.town })) };
}
