/**
 * A forum's record read item by item (the minutes' structure): who spoke on
 * each agenda item, what was said and answered while it had the floor, and
 * the follow-up cases born from its turns. Pure.
 */
import type { AgendaItemView, CaseView, TicketView, TranscriptEntryView } from "@protocol/model.ts";
import { resolveAmendments, type Resolved } from "@domain/transcript-timeline.ts";

export interface RecordSection {
  item: AgendaItemView;
  /** the turns heard on the item (DONE), in the order they spoke */
  speakers: TicketView[];
  /** the entries written while the item had the floor, amendments folded in, system lines left out */
  entries: Resolved<TranscriptEntryView>[];
  cases: CaseView[];
}

export function recordSections(
  agenda: readonly AgendaItemView[],
  tickets: readonly TicketView[],
  transcript: readonly TranscriptEntryView[],
  cases: readonly CaseView[],
): RecordSection[] {
  const timeline = resolveAmendments(transcript);
  return [...agenda]
    .sort((a, b) => a.position - b.position)
    .map((item) => {
      const speakers = tickets
        .filter((t) => t.agendaItemId === item.id && t.status === "DONE")
        .sort((a, b) => (a.startedAt ?? a.calledAt ?? "").localeCompare(b.startedAt ?? b.calledAt ?? ""));
      const ids = new Set(speakers.map((t) => t.id));
      return {
        item,
        speakers,
        entries: timeline.filter((e) => e.agendaItemId === item.id && e.kind !== "SYSTEM"),
        cases: cases.filter((c) => c.ticketId !== null && ids.has(c.ticketId)),
      };
    });
}
