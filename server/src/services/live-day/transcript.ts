/** The live record: append a line, amend an earlier one (a new entry that points at it). */
import { AppError } from "../../protocol/errors.ts";
import type { SpeakerRole, TranscriptEntryView, TranscriptKind, Visibility } from "../../protocol/model.ts";
import { toTranscriptView } from "../../store/views.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";
import type { Db, Tx } from "../../store/prisma.ts";
import { once, requestKey as requestKeyOf } from "../request-once.ts";

export interface AppendInput {
  sessionId: string;
  ticketId?: string | undefined;
  kind: TranscriptKind;
  speakerRole: SpeakerRole;
  speakerName?: string | undefined;
  text: string;
  visibility: Visibility;
  requestId?: string | undefined;
}

export async function appendTranscript(deps: ServiceDeps, actor: Actor, input: AppendInput): Promise<{ entry: TranscriptEntryView }> {
  const session = await findSessionOrThrow(deps.db, input.sessionId);
  const user = requireVenueRole(actor, session.venueId);
  const requestKey = input.requestId ? requestKeyOf("transcript", input.sessionId, input.requestId) : null;
  /** The line this requestId wrote before, if any: looked up in the lane, and again after a lost insert race. */
  const earlierLine = async (db: Db | Tx, key: string) => {
    const row = await db.transcriptEntry.findUnique({ where: { sessionId_requestKey: { sessionId: input.sessionId, requestKey: key } } });
    return row ? toTranscriptView(row) : null;
  };
  const entry = await once(
    requestKey,
    () =>
      deps.lanes.run(input.sessionId, async ({ tx, append }) => {
        const earlier = requestKey ? await earlierLine(tx, requestKey) : null;
        if (earlier) return earlier;
        if (input.ticketId) {
          const t = await tx.ticket.findUnique({ where: { id: input.ticketId }, select: { sessionId: true } });
          if (!t || t.sessionId !== input.sessionId) throw new AppError("NOT_FOUND", "没有这个排号 / no such ticket in this session");
        }
        const now = deps.now();
        // §5e: a forum's line belongs to the item that has the floor.
        const { currentAgendaItemId } = await tx.receptionSession.findUniqueOrThrow({ where: { id: input.sessionId }, select: { currentAgendaItemId: true } });
        const row = await tx.transcriptEntry.create({
          data: {
            sessionId: input.sessionId,
            ticketId: input.ticketId ?? null,
            agendaItemId: currentAgendaItemId,
            kind: input.kind,
            speakerRole: input.speakerRole,
            speakerName: input.speakerName ?? null,
            text: input.text,
            visibility: input.visibility,
            requestKey,
            authorId: user.id,
            createdAt: now,
          },
        });
        const view = toTranscriptView(row);
        await append({ type: "transcript.appended", data: view }, now, user.id);
        return view;
      }),
    (key) => earlierLine(deps.db, key),
  );
  return { entry };
}

export async function amendTranscript(deps: ServiceDeps, actor: Actor, entryId: string, text: string): Promise<{ entry: TranscriptEntryView }> {
  const original = await deps.db.transcriptEntry.findUnique({ where: { id: entryId }, include: { session: { select: { venueId: true } } } });
  if (!original) throw new AppError("NOT_FOUND", "没有这条记录 / no such transcript entry");
  const user = requireVenueRole(actor, original.session.venueId);
  const entry = await deps.lanes.run(original.sessionId, async ({ tx, append }) => {
    const now = deps.now();
    // Amendments point at the first version, so a reader shows the latest text in its place.
    const row = await tx.transcriptEntry.create({
      data: {
        sessionId: original.sessionId,
        ticketId: original.ticketId,
        kind: original.kind,
        speakerRole: original.speakerRole,
        speakerName: original.speakerName,
        text,
        visibility: original.visibility,
        amendsId: original.amendsId ?? original.id,
        agendaItemId: original.agendaItemId,
        authorId: user.id,
        createdAt: now,
      },
    });
    const view = toTranscriptView(row);
    await append({ type: "transcript.amended", data: view }, now, user.id);
    return view;
  });
  return { entry };
}
