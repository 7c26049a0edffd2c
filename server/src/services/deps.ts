/** What every service receives from the composition root. */
import type { Config } from "../config.ts";
import type { Db } from "../store/prisma.ts";
import type { WriteLanes } from "../store/write-lane.ts";
import type { Role } from "../protocol/model.ts";
import type { WatchCache } from "./live-day/watch.ts";
import type { FixedWindows } from "../transport/fixed-windows.ts";

export interface ServiceDeps {
  db: Db;
  lanes: WriteLanes;
  config: Config;
  /** injectable for tests */
  now: () => Date;
  /** session:watch's caches, one per app (services/live-day/watch.ts) */
  watchCache: WatchCache;
  /** the abuse limits' counters shared by every node (Redis); absent: each limit counts in its own process */
  sharedWindows?: FixedWindows | undefined;
  /**
   * Told, after commit, the codes of bookings whose status moved (cancelled,
   * promoted, checked in, lapsed), so their status pages follow live (§6b as built).
   */
  bookingsChanged?: ((codes: readonly string[]) => void) | undefined;
}

export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  venueIds: string[];
  /** role DEPARTMENT: the department it answers for (§6e) */
  departmentId: string | null;
  tokenHash: string;
  /** an initial password an admin set: requireUser refuses everything until it is changed */
  mustChangePassword?: boolean;
}

/** Who is asking: a logged-in staff member/deputy/admin, or nobody (a voter or viewer). */
export interface Actor {
  user: AuthUser | null;
}
