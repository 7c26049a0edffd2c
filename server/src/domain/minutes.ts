/**
 * 会议纪要 — the printable minutes of one reception day. Pure: the record in,
 * HTML out. Minutes leave the building (they are filed, sent to departments,
 * pinned up), so voters appear as 张* and anything shaped like a phone or ID
 * number is blanked, even inside what a voter typed.
 */
import type { CaseStatus, CaseView, Channel, LiveEvent, SessionView, TicketView, TranscriptEntryView } from "../protocol/model.ts";
import { formatCallDurationZh } from "./call-lifecycle.ts";
import { maskName, redactNumbers } from "./privacy.ts";
import { resolveAmendments } from "./transcript-timeline.ts";

export interface MinutesInput {
  session: SessionView;
  tickets: readonly TicketView[];
  transcript: readonly TranscriptEntryView[];
  cases: readonly CaseView[];
  /** the session log (staff projection); its `call.ended` events give each turn's talk time (§5b) */
  events?: readonly LiveEvent[];
  generatedAt: Date;
}

export interface MinutesItem {
  label: string;
  voter: string;
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
  generatedAt: string;
}

export { redactNumbers } from "./privacy.ts";

const CN_DATE = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "long", day: "numeric", weekday: "long" });
const CN_TIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", hour: "2-digit", minute: "2-digit", hour12: false });
const CN_DATETIME = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short", hour12: false });

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
      label: t.label,
      voter: maskName(t.name),
      channel: t.channel,
      concern: redactNumbers(concern),
      answers: own.filter((e) => e.kind === "ANSWER").map((e) => redactNumbers(e.currentText)),
      summary: t.summary ? redactNumbers(t.summary) : null,
      callSec: callSecByTicket.get(t.id) ?? null,
      followUp: kase ? followUpOf(kase) : null,
    };
  });

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
    otherRemarks: resolved.filter((e) => !e.ticketId && e.kind === "ANSWER").map((e) => redactNumbers(e.currentText)),
    otherCases: input.cases.filter((c) => !c.ticketId).map(followUpOf),
    generatedAt: CN_DATETIME.format(input.generatedAt),
  };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const STATUS_ZH: Record<CaseStatus, string> = {
  OPEN: "待受理",
  ASSIGNED: "已交办",
  IN_PROGRESS: "办理中",
  RESOLVED: "已办结",
  CLOSED: "已归档",
  REJECTED: "不予受理",
};

const multiline = (text: string): string => escapeHtml(text).replace(/\r?\n/g, "<br>");

function followUpHtml(f: NonNullable<MinutesItem["followUp"]>): string {
  return `<p class="follow-up"><span class="tag">后续办理</span>【${escapeHtml(f.category)}】${multiline(f.summary)}
    <span class="meta">查询码 ${escapeHtml(f.trackingCode)} · ${STATUS_ZH[f.status]}${f.assignee ? ` · 承办：${escapeHtml(f.assignee)}` : ""}</span></p>`;
}

const STYLE = `
  :root { color-scheme: light; }
  body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; color: #111; margin: 0; background: #f4f4f0; line-height: 1.7; }
  .page { max-width: 190mm; margin: 24px auto; background: #fff; padding: 20mm 18mm; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { text-align: center; font-size: 22pt; letter-spacing: .1em; margin: 0 0 4mm; }
  .subtitle { text-align: center; margin: 0 0 8mm; font-size: 12pt; }
  table.facts { width: 100%; border-collapse: collapse; margin-bottom: 8mm; font-size: 11pt; }
  table.facts th, table.facts td { border: 1px solid #555; padding: 2mm 3mm; text-align: left; vertical-align: top; }
  table.facts th { width: 22%; background: #f0f0f0; font-weight: 600; }
  h2 { font-size: 14pt; border-bottom: 2px solid #111; padding-bottom: 1mm; margin: 8mm 0 4mm; }
  ol.items { padding-left: 0; list-style: none; margin: 0; }
  ol.items > li { break-inside: avoid; page-break-inside: avoid; margin-bottom: 5mm; padding-bottom: 3mm; border-bottom: 1px dashed #aaa; }
  .who { font-weight: 700; }
  .tag { display: inline-block; min-width: 5em; font-weight: 600; }
  .meta { display: block; color: #444; font-size: 10pt; }
  p { margin: 1mm 0; }
  .footer { margin-top: 10mm; font-size: 10pt; color: #444; display: flex; justify-content: space-between; }
  .hint { text-align: center; font-size: 10pt; color: #555; }
  @page { size: A4; margin: 18mm 16mm; }
  @media print {
    body { background: #fff; }
    .page { box-shadow: none; margin: 0; padding: 0; max-width: none; }
    .hint { display: none; }
  }
`;

export function renderMinutesHtml(m: Minutes): string {
  const e = escapeHtml;
  const items = m.items.length
    ? `<ol class="items">${m.items
        .map(
          (it, i) => `<li>
      <p class="who">${i + 1}. ${e(it.label)} ${e(it.voter)}（${it.channel === "ONLINE" ? "线上" : "现场"}）</p>
      <p><span class="tag">反映问题</span>${multiline(it.concern)}</p>
      ${it.callSec !== null ? `<p class="call"><span class="tag">电话连线</span>${e(it.label)} 通话 ${formatCallDurationZh(it.callSec)}</p>` : ""}
      ${it.answers.map((a) => `<p><span class="tag">代表答复</span>${multiline(a)}</p>`).join("\n      ")}
      ${it.summary ? `<p><span class="tag">处理意见</span>${multiline(it.summary)}</p>` : ""}
      ${it.followUp ? followUpHtml(it.followUp) : ""}
    </li>`,
        )
        .join("\n")}</ol>`
    : `<p>本次接待日没有选民发言。</p>`;
  const remarks = m.otherRemarks.length ? `<h2>其他发言</h2>${m.otherRemarks.map((r) => `<p>${multiline(r)}</p>`).join("")}` : "";
  const others = m.otherCases.length ? `<h2>其他办理事项</h2>${m.otherCases.map(followUpHtml).join("")}` : "";
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(m.venue)} ${e(m.title)} 会议纪要</title>
<style>${STYLE}</style>
</head>
<body>
<p class="hint">按 Ctrl+P（或 ⌘P）打印或存为 PDF</p>
<article class="page">
  <h1>会议纪要</h1>
  <p class="subtitle">${e(m.venue)} · ${e(m.title)}</p>
  <table class="facts">
    <tr><th>地点</th><td>${e(m.venue)}（${e(m.town)}）</td></tr>
    <tr><th>时间</th><td>${e(m.date)} ${e(m.time)}</td></tr>
    <tr><th>本月主题</th><td>${m.theme ? e(m.theme) : "—"}</td></tr>
    <tr><th>接待代表</th><td>${m.deputies.length ? m.deputies.map(e).join("、") : "—"}</td></tr>
    <tr><th>接待选民</th><td>共 ${m.heard.online + m.heard.inPerson} 人（线上 ${m.heard.online} 人，现场 ${m.heard.inPerson} 人）${m.notHeard ? `；另有 ${m.notHeard} 人未到或离开` : ""}</td></tr>
  </table>
  <h2>选民反映问题及答复</h2>
  ${items}
  ${remarks}
  ${others}
  <div class="footer"><span>同心 · 人大代表联络站接待日</span><span>生成于 ${e(m.generatedAt)}</span></div>
</article>
</body>
</html>
`;
}
