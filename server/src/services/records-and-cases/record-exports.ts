/**
 * One reception day's record as files: CSV for Excel (tickets, transcript or
 * the event log) and the printable minutes (会议纪要). Phone numbers stay out
 * of every file: exports travel further than the screen they came from.
 */
import { formatCallDurationZh } from "../../domain/call-lifecycle.ts";
import { toCsv, type CsvCell } from "../../domain/csv.ts";
import { buildMinutes } from "../../domain/minutes.ts";
import { renderMinutesHtml } from "../../domain/minutes-html.ts";
import type { AuditLine, RecordPart } from "../../protocol/back-office.ts";
import {
  AGENDA_ITEM_STATUS_ZH,
  BOOKING_STATUS_ZH,
  CALL_END_REASON_ZH,
  CHANNEL_ZH,
  SESSION_STATUS_ZH,
  SPEAKER_ROLE_ZH,
  STREAM_STOP_REASON_ZH,
  TICKET_STATUS_ZH,
  TRANSCRIPT_KIND_ZH,
  VISIBILITY_ZH,
} from "../../protocol/labels-zh.ts";
import type { AgendaItemView, LiveEvent, SessionView, TicketView, TranscriptEntryView } from "../../protocol/model.ts";
import type { BookingView } from "../../protocol/bookings.ts";
import { eventActors } from "../../store/session-events.ts";
import type { ServiceDeps, Actor } from "../deps.ts";
import { sessionRecord } from "../live-day/sessions.ts";
import { AppError } from "../../protocol/errors.ts";
import type { PhoneDetail } from "../../protocol/privacy.ts";
import { recordAudit } from "../privacy-and-accounts/audit.ts";
import { requireUser } from "../privacy-and-accounts/auth.ts";
import { cnFormat } from "../../domain/cn-calendar.ts";


const CN_STAMP = cnFormat("sv-SE", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hour12: false,
});

/** "2026-09-10 09:05:12" in China time: Excel reads it as a date-time. */
export function chinaTime(iso: string | null | undefined): string {
  return iso ? CN_STAMP.format(new Date(iso)) : "";
}

const minutesBetween = (a: string | null | undefined, b: string | null | undefined): number | null =>
  a && b ? Math.round(((Date.parse(b) - Date.parse(a)) / 60_000) * 10) / 10 : null;

/** "第2项 交通出行" — how a forum's exports name an agenda item (the agendaItem column). */
export function agendaItemName(agenda: readonly AgendaItemView[], id: string | null | undefined): string {
  const item = id ? agenda.find((a) => a.id === id) : undefined;
  return item ? `第${item.position}项 ${item.title}` : "";
}

/**
 * `tickets` carry the staff projection's masked phones; `fullPhones` (an admin's export) replaces them.
 * A forum's export (`agenda` given and not empty) gains the 议程 column (the turn's, and so its case's, agenda item) before 电话.
 */
export function ticketRows(tickets: readonly TicketView[], caseStatus: Map<string, string>, fullPhones?: Map<string, string | null>, agenda: readonly AgendaItemView[] = []): CsvCell[][] {
  const forum = agenda.length > 0;
  const header = ["排号", "渠道", "状态", "姓名", "议题", "问题", "公开议题", "优先原因", "取号时间", "叫号时间", "开始发言", "结束时间", "等候(分钟)", "发言(分钟)", "处理意见", "查询码", "办理状态", ...(forum ? ["议程"] : []), "电话"];
  return [
    header,
    ...tickets.map((t) => [
      t.label,
      CHANNEL_ZH[t.channel],
      TICKET_STATUS_ZH[t.status],
      t.name,
      t.topic,
      t.question ?? "",
      t.isPublic ? "是" : "否",
      t.priorityReason ?? "",
      chinaTime(t.joinedAt),
      chinaTime(t.calledAt),
      chinaTime(t.startedAt),
      chinaTime(t.finishedAt),
      minutesBetween(t.joinedAt, t.calledAt),
      minutesBetween(t.startedAt, t.finishedAt),
      t.summary ?? "",
      t.trackingCode ?? "",
      t.trackingCode ? (caseStatus.get(t.trackingCode) ?? "") : "",
      ...(forum ? [agendaItemName(agenda, t.agendaItemId)] : []),
      (fullPhones ? fullPhones.get(t.id) : t.phone) ?? "",
    ]),
  ];
}

/** A forum's transcript (`agenda` not empty) gains a last column, 议程: the item that had the floor. */
export function transcriptRows(entries: readonly TranscriptEntryView[], labels: Map<string, string>, agenda: readonly AgendaItemView[] = []): CsvCell[][] {
  const forum = agenda.length > 0;
  return [
    ["时间", "类型", "发言人角色", "发言人", "排号", "内容", "可见范围", "更正的记录", "记录编号", ...(forum ? ["议程"] : [])],
    ...entries.map((e) => [
      chinaTime(e.createdAt),
      TRANSCRIPT_KIND_ZH[e.kind],
      SPEAKER_ROLE_ZH[e.speakerRole],
      e.speakerName ?? "",
      e.ticketId ? (labels.get(e.ticketId) ?? "") : "",
      e.text,
      VISIBILITY_ZH[e.visibility],
      e.amendsId ?? "",
      e.id,
      ...(forum ? [agendaItemName(agenda, e.agendaItemId)] : []),
    ]),
  ];
}

/** What happened, without the personal data the stored payloads carry. */
export function describeEvent(e: LiveEvent): string {
  switch (e.type) {
    case "session.updated": {
      const current = e.data.agenda?.find((a) => a.id === e.data.currentAgendaItemId);
      return `接待日${SESSION_STATUS_ZH[e.data.status]}${e.data.queueOpen ? "（排队开放）" : "（排队关闭）"}${current ? `，议程第${current.position}项` : ""}`;
    }
    case "ticket.joined":
      return `${e.data.label} 取号（${CHANNEL_ZH[e.data.channel]}）`;
    case "ticket.updated":
      return `${e.data.label} → ${TICKET_STATUS_ZH[e.data.status]}${e.data.priority ? "（优先）" : ""}`;
    case "transcript.appended":
      return `记录：${TRANSCRIPT_KIND_ZH[e.data.kind]}${e.data.visibility === "STAFF" ? `（${VISIBILITY_ZH.STAFF}）` : ""}`;
    case "transcript.amended":
      // The amended line is named by its kind, not its id: the audit trail is read by people.
      return `更正一条${TRANSCRIPT_KIND_ZH[e.data.kind]}记录`;
    case "case.created":
      return `办理事项 ${e.data.trackingCode}：${e.data.category}`;
    case "stream.started":
      return "直播推流开始";
    case "stream.stopped":
      return STREAM_STOP_REASON_ZH[e.data.reason ?? "publisher"];
    case "call.started":
      return `${e.data.label} 电话连线`;
    case "call.ended":
      return "durationSec" in e.data
        ? `${e.data.label} 通话结束（${formatCallDurationZh(e.data.durationSec)}${e.data.reason ? `，${CALL_END_REASON_ZH[e.data.reason]}` : ""}）`
        : `${e.data.label} 通话结束`;
    case "redacted":
      return "";
    default: {
      const never: never = e;
      return String((never as LiveEvent).type);
    }
  }
}

/** The session's event log with who did what: the audit trail of the record page. */
export async function sessionAudit(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ events: AuditLine[] }> {
  const record = await sessionRecord(deps, actor, sessionId);
  const actorIdOfSeq = await eventActors(deps.db, sessionId);
  const actorIds = [...new Set([...actorIdOfSeq.values()].filter((x): x is string => !!x))];
  const users = await deps.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, displayName: true } });
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const actorOfSeq = new Map([...actorIdOfSeq].map(([seq, actorId]) => [seq, actorId ? (names.get(actorId) ?? null) : null]));
  return {
    events: record.events.map((e) => ({ seq: e.seq, type: e.type, at: e.at, actorName: actorOfSeq.get(e.seq) ?? null, summary: describeEvent(e) })),
  };
}

/** The day's bookings and what became of them (no phone column, like every export). */
export function bookingRows(bookings: readonly BookingView[]): CsvCell[][] {
  return [
    ["预约序号", "预约码", "状态", "姓名", "议题", "问题", "公开议题", "预约时间", "签到时间", "取消时间", "排号"],
    ...bookings.map((b) => [b.place, b.code, BOOKING_STATUS_ZH[b.status], b.name, b.topic, b.question ?? "", b.isPublic ? "是" : "否", chinaTime(b.bookedAt), chinaTime(b.checkedInAt), chinaTime(b.cancelledAt), b.ticketLabel ?? ""]),
  ];
}

/** `?part=agenda`: a forum's items with their times, speakers and the cases born in each. */
export function agendaRows(agenda: readonly AgendaItemView[], tickets: readonly TicketView[]): CsvCell[][] {
  return [
    ["序号", "议程", "时长(分钟)", "每人发言(分钟)", "状态", "开始", "结束", "实际(分钟)", "发言人数", "办理事项"],
    ...agenda.map((a) => {
      const heard = tickets.filter((t) => t.agendaItemId === a.id && t.status === "DONE");
      return [
        a.position,
        a.title,
        a.timeboxMin,
        a.speakerMin,
        AGENDA_ITEM_STATUS_ZH[a.status],
        chinaTime(a.startedAt),
        chinaTime(a.endedAt),
        minutesBetween(a.startedAt, a.endedAt),
        heard.length,
        heard.filter((t) => t.trackingCode).length,
      ];
    }),
  ];
}

export interface CsvFile {
  filename: string;
  body: string;
}

const dateOf = (s: SessionView): string => chinaTime(s.startsAt).slice(0, 10);

export async function recordCsv(deps: ServiceDeps, actor: Actor, sessionId: string, part: RecordPart, phones: PhoneDetail = "masked"): Promise<CsvFile> {
  if (phones === "full" && actor.user?.role !== "ADMIN") throw new AppError("FORBIDDEN", "只有管理员可以导出完整电话 / only an admin may export full phone numbers");
  const record = await sessionRecord(deps, actor, sessionId);
  await recordAudit(deps.db, deps.now(), requireUser(actor), "record.export", `session:${sessionId} record.csv part=${part}${part === "tickets" ? ` phones=${phones}` : ""}`);
  let rows: CsvCell[][];
  if (part === "tickets") {
    const full = phones === "full"
      ? new Map((await deps.db.ticket.findMany({ where: { sessionId }, select: { id: true, phone: true } })).map((t) => [t.id, t.phone]))
      : undefined;
    rows = ticketRows(record.tickets, new Map(record.cases.map((c) => [c.trackingCode, c.status])), full, record.agenda);
  } else if (part === "bookings") {
    rows = bookingRows(record.bookings);
  } else if (part === "transcript") {
    rows = transcriptRows(record.transcript, new Map(record.tickets.map((t) => [t.id, t.label])), record.agenda);
  } else if (part === "agenda") {
    rows = agendaRows(record.agenda, record.tickets);
  } else {
    const { events } = await sessionAudit(deps, actor, sessionId);
    rows = [["序号", "时间", "事件", "操作人", "内容"], ...events.map((e) => [e.seq, chinaTime(e.at), e.type, e.actorName ?? "", e.summary])];
  }
  const partZh = { tickets: "排号", transcript: "记录", events: "日志", bookings: "预约", agenda: "议程" }[part];
  return { filename: `${record.session.venueName}-${dateOf(record.session)}-${partZh}.csv`, body: toCsv(rows) };
}

export async function minutesHtml(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<{ filename: string; html: string }> {
  const record = await sessionRecord(deps, actor, sessionId);
  await recordAudit(deps.db, deps.now(), requireUser(actor), "record.export", `session:${sessionId} minutes`);
  const invitees = await deps.db.invitation.findMany({ where: { sessionId, ticketId: { not: null } }, select: { ticketId: true, organization: true } });
  const speakers = new Map(invitees.map((i) => [i.ticketId!, { organization: i.organization }]));
  const html = renderMinutesHtml(buildMinutes({ ...record, speakers, generatedAt: deps.now() }));
  return { filename: `${record.session.venueName}-${dateOf(record.session)}-会议纪要.html`, html };
}
