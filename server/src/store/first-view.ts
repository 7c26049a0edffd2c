/** The one read behind the voter page's first view (transport/http/first-view.ts): a session's public header facts. */
import type { SessionView } from "../protocol/model.ts";
import type { Db } from "./prisma.ts";
import { parseDeputies } from "./views.ts";

/** What the stand-in shows of a session: the header's public facts and whether it takes online joins. Nothing of any voter. */
export type FirstViewSession = Pick<SessionView, "title" | "theme" | "venueName" | "town" | "startsAt" | "endsAt" | "deputies" | "status" | "queueOpen" | "kind">;

/** One query, only the columns the header shows; null for an unknown id. */
export async function findFirstViewSession(db: Db, sessionId: string): Promise<FirstViewSession | null> {
  const s = await db.receptionSession.findUnique({
    where: { id: sessionId },
    select: { title: true, theme: true, startsAt: true, endsAt: true, deputies: true, status: true, queueOpen: true, kind: true, venue: { select: { name: true, town: true } } },
  });
  if (!s) return null;
  return {
    title: s.title,
    theme: s.theme,
    venueName: s.venue.name,
    town: s.venue.town,
    startsAt: s.startsAt.toISOString(),
    endsAt: s.endsAt.toISOString(),
    deputies: parseDeputies(s.deputies),
    status: s.status,
    queueOpen: s.queueOpen,
    kind: s.kind,
  };
}
