/**
 * 会议纪要 printed: the minutes built by minutes.ts, as one HTML page for A4.
 * Pure. Every text from the record is escaped here.
 */
import { CASE_STATUS_ZH, CHANNEL_ZH } from "../protocol/labels-zh.ts";
import { formatCallDurationZh } from "./call-lifecycle.ts";
import type { Minutes, MinutesItem, MinutesSection } from "./minutes.ts";
import { escapeHtml } from "./html-text.ts";

const multiline = (text: string): string => escapeHtml(text).replace(/\r?\n/g, "<br>");

function followUpHtml(f: NonNullable<MinutesItem["followUp"]>): string {
  return `<p class="follow-up"><span class="tag">后续办理</span>【${escapeHtml(f.category)}】${multiline(f.summary)}
    <span class="meta">查询码 ${escapeHtml(f.trackingCode)} · ${CASE_STATUS_ZH[f.status]}${f.assignee ? ` · 承办：${escapeHtml(f.assignee)}` : ""}</span></p>`;
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
  h2 .meta { display: inline; margin-left: 1em; font-weight: 400; }
  h3 { font-size: 12pt; margin: 4mm 0 2mm; }
  section.agenda-item { margin-bottom: 6mm; }
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

const CN_NUMERALS = ["〇", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const cnNumber = (n: number): string => (n <= 10 ? CN_NUMERALS[n]! : n < 20 ? `十${CN_NUMERALS[n - 10]}` : String(n));

function itemsHtml(items: readonly MinutesItem[], point: string): string {
  const e = escapeHtml;
  return `<ol class="items">${items
    .map(
      (it, i) => `<li>
      <p class="who">${i + 1}. ${e(it.label)} ${e(it.voter)}${it.organization ? ` · ${e(it.organization)}` : ""}（${CHANNEL_ZH[it.channel]}）</p>
      <p><span class="tag">${point}</span>${multiline(it.concern)}</p>
      ${it.callSec !== null ? `<p class="call"><span class="tag">电话连线</span>${e(it.label)} 通话 ${formatCallDurationZh(it.callSec)}</p>` : ""}
      ${it.answers.map((a) => `<p><span class="tag">代表答复</span>${multiline(a)}</p>`).join("\n      ")}
      ${it.summary ? `<p><span class="tag">处理意见</span>${multiline(it.summary)}</p>` : ""}
      ${it.followUp ? followUpHtml(it.followUp) : ""}
    </li>`,
    )
    .join("\n")}</ol>`;
}

/** §5e: one section per agenda item — who spoke, their points, the answers, the cases born in it. */
function sectionsHtml(sections: readonly MinutesSection[]): string {
  const e = escapeHtml;
  return sections
    .map((s) => {
      const heading = s.position === null ? e(s.title) : `议程${cnNumber(s.position)}：${e(s.title)}`;
      const followUps = s.cases.filter((c) => !s.items.some((it) => it.followUp === c));
      return `<section class="agenda-item">
  <h2>${heading}${s.time ? `<span class="meta">${e(s.time)}</span>` : ""}</h2>
  ${s.items.length ? itemsHtml(s.items, "发言要点") : `<p>本议程没有发言。</p>`}
  ${s.remarks.length ? `<h3>其他发言</h3>${s.remarks.map((r) => `<p>${multiline(r)}</p>`).join("")}` : ""}
  ${followUps.length ? `<h3>本议程办理事项</h3>${followUps.map(followUpHtml).join("")}` : ""}
</section>`;
    })
    .join("\n");
}

export function renderMinutesHtml(m: Minutes): string {
  const e = escapeHtml;
  const forum = m.sections !== null;
  const items = forum
    ? sectionsHtml(m.sections!)
    : `<h2>选民反映问题及答复</h2>
  ${m.items.length ? itemsHtml(m.items, "反映问题") : `<p>本次接待日没有选民发言。</p>`}`;
  const remarks = !forum && m.otherRemarks.length ? `<h2>其他发言</h2>${m.otherRemarks.map((r) => `<p>${multiline(r)}</p>`).join("")}` : "";
  const others = !forum && m.otherCases.length ? `<h2>其他办理事项</h2>${m.otherCases.map(followUpHtml).join("")}` : "";
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
  <h1>${forum ? "座谈会纪要" : "会议纪要"}</h1>
  <p class="subtitle">${e(m.venue)} · ${e(m.title)}</p>
  <table class="facts">
    <tr><th>地点</th><td>${e(m.venue)}（${e(m.town)}）</td></tr>
    <tr><th>时间</th><td>${e(m.date)} ${e(m.time)}</td></tr>
    <tr><th>${forum ? "座谈主题" : "本月主题"}</th><td>${m.theme ? e(m.theme) : "—"}</td></tr>
    <tr><th>${forum ? "主持代表" : "接待代表"}</th><td>${m.deputies.length ? m.deputies.map(e).join("、") : "—"}</td></tr>
    ${forum ? `<tr><th>议程</th><td>${m.sections!.filter((s) => s.position !== null).map((s) => `${s.position}. ${e(s.title)}`).join("<br>")}</td></tr>` : ""}
    <tr><th>${forum ? "发言人员" : "接待选民"}</th><td>共 ${m.heard.online + m.heard.inPerson} 人（${CHANNEL_ZH.ONLINE} ${m.heard.online} 人，${CHANNEL_ZH.IN_PERSON} ${m.heard.inPerson} 人）${m.notHeard ? `；另有 ${m.notHeard} 人未到或离开` : ""}</td></tr>
  </table>
  ${items}
  ${remarks}
  ${others}
  <div class="footer"><span>同心 · 人大代表联络站接待日</span><span>生成于 ${e(m.generatedAt)}</span></div>
</article>
</body>
</html>
`;
}
