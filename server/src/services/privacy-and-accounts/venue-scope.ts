/** Which venues' records a back-office user may read: an admin all, staff and deputies their own. */
import { AppError } from "../../protocol/errors.ts";
import type { AuthUser } from "../deps.ts";

/** null means every venue. */
export function readableVenues(user: AuthUser): string[] | null {
  return user.role === "ADMIN" ? null : user.venueIds;
}

/** A Prisma `venueId` filter for the user, narrowed to `venueId` if given (403 if outside the scope). */
export function venueFilter(user: AuthUser, venueId?: string): string | { in: string[] } | undefined {
  const scope = readableVenues(user);
  if (venueId) {
    if (scope && !scope.includes(venueId)) throw new AppError("FORBIDDEN", "无权查看此联络站 / not allowed for this venue");
    return venueId;
  }
  return scope ? { in: scope } : undefined;
}
