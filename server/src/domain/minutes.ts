/**
 * 会议纪要 — the minutes of one reception day, built from its record. Pure:
 * the record in, the minutes' content out (minutes-html.ts prints them). Minutes leave the building (they are filed, sent to departments,
 * pinned up), so voters appear as 张* and anything shaped like a phone or ID
 * number is blanked, even inside what a voter typed.
 */
import type { AgendaItemView, CaseStatus, CaseView, Channel, LiveEvent, SessionView, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { maskName, redactNumbers } from "./privacy.ts";
import { resolveAmendments } from "./transcript-timeline.ts";
import { cnFormat } from "./cn-calendar.ts";

export interface MinutesInput {
  session: SessionView;
  tickets: readonly TicketView[];
  transcript: readonly TranscriptEntryView[];
  cases: readonly CaseView[];
  /** the session log (staff projection); its `call.ended` events give each turn's talk time (§5b) */
  events?: readonly LiveEvent[];
  /** §5e: a forum's invitees by ticket id — the organization a speaker spoke for (a department's, a community's) */
  speakers?: ReadonlyMap<string, { organization: string }>;
  generatedAt: Date;
}

export interface MinutesItem {
  /** a forum's item the turn was heard in (§5e); null in a reception */
  agendaItemId: string | null;
  label: string;
  voter: string;
  /** §5e: the organization an invitee spoke for (not a personal field: a department, a community) */
  organization: string | null;
  channel: Channel;
  concern: string;
  answers: string[];
  summary: string | null;
  /** talk time of the turn's calls, seconds; null when the voter was not called by phone */
  callSec: number | null;
  followUp: { category: string; summary: string; trackingCode: string; status: CaseStatus; assignee: string | null } | null;
}

export interface Minutes {
  title: string;
  venue: string;
  town: string;
  date: string;
  time: string;
  theme: string;
  deputies: string[];
  heard: { online: number; inPerson: number };
  notHeard: number;
  items: MinutesItem[];
  otherRemarks: string[];
  otherCases: NonNullable<MinutesItem["followUp"]>[];
  /** §5e: a forum's minutes, one section per agenda item in order (null for a reception) */
  sections: MinutesSection[] | null;
  generatedAt: string;
}

type FollowUp = NonNullable<MinutesItem["followUp"]>;

/** One agenda item in a forum's minutes: who spoke, their points and the answers, the cases born in it. */
export interface MinutesSection {
  /** null: what was said outside the agenda (before the first item, after the last) */
  position: number | null;
  title: string;
  time: string | null;
  items: MinutesItem[];
  remarks: string[];
  cases: FollowUp[];
}

/** A remark or a hand-made case, with where it belongs. */
export interface Placed<T> {
  agendaItemId: string | null;
  at: string;
  value: T;
}

const within = (at: string, item: AgendaItemView): boolean =>
  !!item.startedAt && at >= item.startedAt && (!item.endedAt || at < item.endedAt);

/**
 * Groups a forum's turns, remarks and cases by agenda item (pure): a turn and
 * a remark go to the item they carry; a case born of a turn to its turn's
 * item, a case opened by hand to the item that had the floor when it was
 * opened. What fits no item goes to a last section, 议程外, shown only when
 * something is in it.
 */
export function groupByAgenda(
  agenda: readonly AgendaItemView[],
  items: readonly MinutesItem[],
  remarks: readonly Placed<string>[],
  cases: readonly Placed<FollowUp>[],
  timeOf: (item: AgendaItemView) => string | null = () => null,
): MinutesSection[] {
  const ordered = [...agenda].sort((a, b) => a.position - b.position);
  const known = new Set(ordered.map((a) => a.id));
  const home = (agendaItemId: string | null, at: string): string | null =>
    agendaItemId && known.has(agendaItemId) ? agendaItemId : (ordered.find((a) => within(at, a))?.id ?? null);
  const sections: MinutesSection[] = ordered.map((a) => ({ position: a.position, title: a.title, time: timeOf(a), items: [], remarks: [], cases: [] }));
  const outside: MinutesSection = { position: null, title: "议程外", time: null, items: [], remarks: [], cases: [] };
  const sectionOf = (id: string | null): MinutesSection => (id ? sections[ordered.findIndex((a) => a.id === id)]! : outside);
  for (const it of items) {
    const s = sectionOf(it.agendaItemId && known.has(it.agendaItemId) ? it.agendaItemId : null);
    s.items.push(it);
    if (it.followUp) s.cases.push(it.followUp);
  }
  for (const r of remarks) sectionOf(home(r.agendaItemId, r.at)).remarks.push(r.value);
  for (const c of cases) sectionOf(home(c.agendaItemId, c.at)).cases.push(c.value);
  const hasContent = outside.items.length + outside.remarks.length + outside.cases.length > 0;
  return hasContent ? [...sections, outside] : sections;
}

export { redactNumbers } from "./privacy.ts";

const CN_DATE = cnFormat("zh-CN", { year: "numeric", month: "long", day: "numeric", weekday: "long" });
const CN_TIME = cnFormat("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false });
const CN_DATETIME = cnFormat("zh-CN", { dateStyle: "medium", timeStyle: "short", hour12: false });

const followUpOf = (c: CaseView): NonNullable<MinutesItem["followUp"]> => ({
  category: redactNumbers(c.category),
  summary: redactNumbers(c.summary),
  trackingCode: c.trackingCode,
  status: c.status,
  assignee: c.assignee ? redactNumbers(c.assignee) : null,
});

export function buildMinutes(input: MinutesInput): Minutes {
  const { session } = input;
  const resolved = resolveAmendments(input.transcript);
  const callSecByTicket = new Map<string, number>();
  for (const e of input.events ?? []) {
    if (e.type === "call.ended" && "ticketId" in e.data && e.data.durationSec > 0) {
      callSecByTicket.set(e.data.ticketId, (callSecByTicket.get(e.data.ticketId) ?? 0) + e.data.durationSec);
    }
  }
  const caseByTicket = new Map(input.cases.filter((c) => c.ticketId).map((c) => [c.ticketId!, c]));
  const heardTickets = input.tickets
    .filter((t) => t.status === "DONE")
    .sort((a, b) => (a.startedAt ?? a.finishedAt ?? a.joinedAt).localeCompare(b.startedAt ?? b.finishedAt ?? b.joinedAt));

  const items = heardTickets.map((t): MinutesItem => {
    const own = resolved.filter((e) => e.ticketId === t.id);
    const question = own.find((e) => e.kind === "QUESTION");
    const concern = question?.currentText ?? (t.question ? `${t.topic ?? ""}：${t.question}` : (t.topic ?? ""));
    const kase = caseByTicket.get(t.id);
    return {
      agendaItemId: t.agendaItemId ?? null,
      label: t.label,
      voter: maskName(t.name),
      organization: input.speakers?.get(t.id)?.organization || null,
      channel: t.channel,
      concern: redactNumbers(concern),
      answers: own.filter((e) => e.kind === "ANSWER").map((e) => redactNumbers(e.currentText)),
      summary: t.summary ? redactNumbers(t.summary) : null,
      callSec: callSecByTicket.get(t.id) ?? null,
      followUp: kase ? followUpOf(kase) : null,
    };
  });

  const remarks = resolved.filter((e) => !e.ticketId && e.kind === "ANSWER");
  const forum = session.kind === "FORUM" && session.agenda.length > 0;
  const timeOf = (a: AgendaItemView) =>
    a.startedAt ? `${CN_TIME.format(new Date(a.startedAt))}–${a.endedAt ? CN_TIME.format(new Date(a.endedAt)) : ""}` : null;
  const sections = forum
    ? groupByAgenda(
        session.agenda,
        items,
        remarks.map((e) => ({ agendaItemId: e.agendaItemId ?? null, at: e.createdAt, value: redactNumbers(e.currentText) })),
        input.cases.filter((c) => !c.ticketId).map((c) => ({ agendaItemId: null, at: c.createdAt, value: followUpOf(c) })),
        timeOf,
      )
    : null;

  return {
    title: session.title,
    venue: session.venueName,
    town: session.town,
    date: CN_DATE.format(new Date(session.startsAt)),
    time: `${CN_TIME.format(new Date(session.startsAt))}–${CN_TIME.format(new Date(session.endsAt))}`,
    theme: session.theme,
    deputies: session.deputies,
    heard: {
      online: heardTickets.filter((t) => t.channel === "ONLINE").length,
      inPerson: heardTickets.filter((t) => t.channel === "IN_PERSON").length,
    },
    notHeard: input.tickets.filter((t) => t.status === "NO_SHOW" || t.status === "LEFT").length,
    items,
    otherRemarks: remarks.map((e) => redactNumbers(e.currentText)),
    otherCases: input.cases.filter((c) => !c.ticketId).map(followUpOf),
    sections,
    generatedAt: CN_DATETIME.format(input.generatedAt),
  };
}
