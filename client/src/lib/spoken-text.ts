/**
 * What is said aloud (docs/ARCHITECTURE.md §7b), as plain functions of what is
 * on screen: the hall's call announcement (always Mandarin, as queue halls in
 * China announce) and the voter's 读给我听 (in the page's language).
 */
import type { CaseStatus, Channel, TicketStatus } from "@protocol/model.ts";
import type { Translate } from "../i18n/translate.ts";

/**
 * The hall's announcement of one call: "请 W001 号到发言席" for someone in the
 * hall, "请 W001 号线上发言" for an online voter. The label stays whole so the
 * listener hears the number printed on their slip.
 */
export function callAnnouncement(ticket: { label: string; channel: Channel }): string {
  return ticket.channel === "ONLINE" ? `请 ${ticket.label} 号线上发言` : `请 ${ticket.label} 号到发言席`;
}

/** Written ranges read badly ("3–5" is read as "3 minus 5"): say them as words. */
export function speakable(t: Translate, text: string): string {
  return text.replace(/\s*[–~-]\s*/g, t("speak.rangeTo"));
}

export interface SpokenStanding {
  label: string;
  status: TicketStatus;
  channel: Channel;
  /** while waiting */
  position?: number;
  ahead?: number;
  /** the wait as the card shows it, e.g. "约 3–5 分钟" */
  wait?: string;
}

/** 读给我听 on the voter's page: the number, the place in line and the wait — or the state. */
export function ticketReadout(t: Translate, s: SpokenStanding): string {
  const parts = [t("speak.yourNumber", { label: s.label })];
  if (s.status === "WAITING" && s.position !== undefined) {
    parts.push(t("ticket.position", { n: s.position }));
    parts.push(s.ahead === 0 ? t("ticket.aheadNone") : t("ticket.ahead", { n: s.ahead ?? s.position - 1 }));
    if (s.wait) parts.push(speakable(t, t("ticket.wait", { time: s.wait })));
  } else if (s.status === "CALLED") {
    parts.push(calledReadout(t, s.channel));
  } else {
    parts.push(t(`ticket.state.${s.status}`));
  }
  return parts.map((p) => p.replace(/[。！!.，,\s]+$/u, "")).join(t("speak.pause")) + t("speak.end");
}

/** Said on the voter's phone when called: "轮到您了！请到发言席准备发言。" */
export function calledReadout(t: Translate, channel: Channel): string {
  return `${t("called.title")}${channel === "ONLINE" ? t("called.hintOnline") : t("called.hint")}`;
}

/** 读给我听 on the tracking page: where the case stands. */
export function caseReadout(t: Translate, c: { status: CaseStatus; summary: string; due?: string | null }): string {
  const parts = [t("speak.caseAbout", { summary: c.summary }), t("speak.caseStatus", { status: t(`caseStatus.${c.status}`) })];
  if (c.due) parts.push(t("track.due", { date: c.due }));
  return parts.map((p) => p.replace(/[。！!.，,\s]+$/u, "")).join(t("speak.pause")) + t("speak.end");
}
