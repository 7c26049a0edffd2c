/** Reception days over HTTP: what the list and the staff's record answer (docs/ARCHITECTURE.md §6). */
import type { AgendaItemView, CaseView, LiveEvent, SessionView, TicketView, TranscriptEntryView } from "./model.ts";
import type { BookingView } from "./bookings.ts";

/** A day in the list: `live` while it is on air; `placesLeft`, bookable places still free (§6b; 0 when the day takes no bookings). */
export type ListedSession = SessionView & { live: boolean; placesLeft: number };

/** Everything about one reception day, in the staff projection. */
export interface SessionRecord {
  session: SessionView;
  tickets: TicketView[];
  transcript: TranscriptEntryView[];
  events: LiveEvent[];
  cases: CaseView[];
  /** 预约 of the day in booked order (phones masked), with their outcome: CHECKED_IN, NO_SHOW… */
  bookings: BookingView[];
  /** §5e: a forum's agenda (empty for a reception); turns and transcript lines carry agendaItemId */
  agenda: AgendaItemView[];
}
