/** Tiny factories of wire views for the live-session store's tests (one place, so a new field is added once). */
import type { SessionView, TicketView, TranscriptEntryView } from "@protocol/model.ts";

export const SID = "s1";
export const AT = "2025-11-26T01:00:00.000Z";

export const sessionView = (over: Partial<SessionView> = {}): SessionView => ({
  id: SID,
  venueId: "v1",
  venueName: "盛泽镇人大代表之家",
  venueKind: "HOME",
  town: "盛泽镇",
  title: "十一月接待日",
  theme: "老旧小区改造",
  startsAt: "2025-11-26T01:00:00.000Z",
  endsAt: "2025-11-26T04:00:00.000Z",
  deputies: ["沈晓鹃"],
  streamUrl: null,
  slotMin: 10,
  walkInHeadStartMin: 10,
  status: "OPEN",
  queueOpen: true,
  avgServiceSec: 600,
  streamLive: false,
  hlsUrl: null,
  kind: "RECEPTION",
  agenda: [],
  currentAgendaItemId: null,
  ...over,
});

export const ticketView = (id: string, rank: number, over: Partial<TicketView> = {}): TicketView => ({
  id,
  sessionId: SID,
  label: id.toUpperCase(),
  channel: "ONLINE",
  status: "WAITING",
  rank,
  name: "张*",
  topic: null,
  isPublic: false,
  priority: false,
  joinedAt: new Date(rank).toISOString(),
  calledAt: null,
  startedAt: null,
  finishedAt: null,
  agendaItemId: null,
  ...over,
});

export const entryView = (id: string, text: string, over: Partial<TranscriptEntryView> = {}): TranscriptEntryView => ({
  id,
  sessionId: SID,
  ticketId: null,
  kind: "ANSWER",
  speakerRole: "DEPUTY",
  speakerName: null,
  text,
  visibility: "PUBLIC",
  amendsId: null,
  agendaItemId: null,
  createdAt: AT,
  ...over,
});
