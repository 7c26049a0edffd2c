/**
 * The voter page's first view, written into the HTML by the server: on a
 * phone on 3G the page's scripts take well over a second to arrive, and the
 * join form in the HTML itself is usable one round trip after the link is
 * opened (docs/ARCHITECTURE.md "Serving the client").
 *
 * It is a stand-in, not a server render of React: it sits in `#first-view`,
 * beside React's `#root` (hidden while the stand-in is there, so the two
 * forms are never on screen together), with the same classes, field names
 * and words as JoinForm.tsx. When React's form mounts it takes over what the
 * voter typed, checked and where the caret was, and removes the stand-in in
 * the same commit (client/src/features/voter/join-handover.ts). Its button
 * stays disabled: joining goes over the live connection, which only the
 * page's scripts open. No scripts here (the CSP allows none inline).
 *
 * Pure: public facts of the session in (what the public projection shows),
 * HTML out; every value is escaped (a title is typed by staff, a deputy's
 * name imported).
 */
import type { FirstViewSession } from "../../store/first-view.ts";
import type { HeldOnPhone, ViewChoice } from "../../protocol/first-view.ts";
import { acceptsJoins } from "../../domain/session-lifecycle.ts";
import { cnFormat } from "../../domain/cn-calendar.ts";
import { escapeHtml } from "../../domain/html-text.ts";
import { titleBesideVenue } from "../../domain/session-title.ts";
import { FIRST_VIEW_CONNECTING, FIRST_VIEW_WORDS } from "./first-view-words.ts";

export type { FirstViewSession, HeldOnPhone, ViewChoice };

type WordKey = keyof (typeof FIRST_VIEW_WORDS)["zh-CN"];
/** The stand-in's words in the phone's language, escaped (an English word may hold quotes). */
type Words = (key: WordKey) => string;
const wordsIn = (lang: ViewChoice["lang"]): Words => (key) => escapeHtml(FIRST_VIEW_WORDS[lang][key]);


/**
 * join: the form; held: the phone has a ticket or booking here, so the page
 * will show that, not a form; closed / ended: what JoinForm says then;
 * wait: a forum (joins by invitation) or a day not yet open (booking), which
 * only the page can offer.
 */
export type FirstViewState = "join" | "held" | "closed" | "ended" | "wait";

export function firstViewState(s: Pick<FirstViewSession, "status" | "queueOpen" | "kind">, held: HeldOnPhone): FirstViewState {
  if (held) return "held";
  if (s.status === "ENDED") return "ended";
  if (s.kind === "FORUM" || s.status === "SCHEDULED") return "wait";
  return acceptsJoins(s.status, s.queueOpen) ? "join" : "closed";
}

/** The stand-in's own rules: React's page hidden while it is there; the phone field shown once a reply is wanted (as JoinForm does). */
export const FIRST_VIEW_STYLE =
  "<style>#first-view~#root{display:none}" +
  "#first-view .first-view__phone{display:none}" +
  "#first-view .check:has(input[name=wantsReply]:checked)+.first-view__phone{display:grid}</style>";

// As the client's formatDate / formatTime (client/src/lib/format.ts), in China time: the phones are there.
const DATE = { "zh-CN": cnFormat("zh-CN", { month: "long", day: "numeric", weekday: "short" }), en: cnFormat("en-US", { month: "long", day: "numeric", weekday: "short" }) };
const TIME = cnFormat("zh-CN", { hour: "2-digit", minute: "2-digit", hour12: false });

function sessionHeader(s: FirstViewSession, lang: ViewChoice["lang"]): string {
  const e = escapeHtml;
  const W = wordsIn(lang);
  const live = s.status === "LIVE";
  const badge = `<span class="badge badge--session-${s.status.toLowerCase()} ${live ? "badge--live" : ""}">${live ? '<span class="live-dot" aria-hidden="true"></span>' : ""}${W(`sessionStatus.${s.status}`)}</span>`;
  const fact = (term: string, value: string, cls = "") => `<div><dt>${term}</dt><dd${cls ? ` class="${cls}"` : ""}>${value}</dd></div>`;
  const when = `${e(DATE[lang].format(new Date(s.startsAt)))} ${e(TIME.format(new Date(s.startsAt)))}–${e(TIME.format(new Date(s.endsAt)))}`;
  return (
    `<header class="session-header"><div class="session-header__top">${badge}</div>` +
    `<h1 class="session-header__title">${e(titleBesideVenue(s.title, s.venueName))}</h1>` +
    `<dl class="session-facts">` +
    fact(W("session.venue"), `${e(s.venueName)}<span class="muted"> · ${e(s.town)}</span>`) +
    fact(W("session.time"), when) +
    (s.theme ? fact(W("session.theme"), e(s.theme), "session-facts__theme") : "") +
    (s.deputies.length ? fact(W(s.kind === "FORUM" ? "forum.session.deputies" : "session.deputies"), e(s.deputies.join(FIRST_VIEW_WORDS[lang]["list.separator"]))) : "") +
    `</dl></header>`
  );
}

/** A labelled field as FormField.tsx lays it out; ids are the stand-in's own (`fv-…`), never React's. */
function field(W: Words, o: { id: string; label: string; hint?: string; required?: boolean; control: string; cls?: string }): string {
  const mark = o.required ? `<span class="field__required"> ${W("field.requiredMark")}</span>` : "";
  const hint = o.hint ? `<p id="${o.id}-hint" class="field__hint">${o.hint}</p>` : "";
  return `<div class="field${o.cls ? ` ${o.cls}` : ""}"><label for="${o.id}" class="field__label">${o.label}${mark}</label>${o.control}${hint}</div>`;
}

function check(o: { id: string; name: string; label: string; hint?: string }): string {
  const described = o.hint ? ` aria-describedby="${o.id}-hint"` : "";
  const hint = o.hint ? `<p id="${o.id}-hint" class="field__hint">${o.hint}</p>` : "";
  return `<div class="check"><input id="${o.id}" type="checkbox" name="${o.name}"${described}><label for="${o.id}">${o.label}</label>${hint}</div>`;
}

/** JoinForm.tsx's fields, in its order, with its names, limits and words; the button waits for the page. */
function joinForm(lang: ViewChoice["lang"]): string {
  const W = wordsIn(lang);
  return (
    `<section class="card join-card" aria-labelledby="fv-join-title">` +
    `<h2 id="fv-join-title">${W("join.title")}</h2><p class="muted">${W("join.intro")}</p>` +
    // No action: the button is disabled, and a disabled default button blocks implicit submission too.
    `<form class="form" novalidate>` +
    field(W, { id: "fv-name", label: W("common.name"), required: true, control: `<input id="fv-name" name="name" autocomplete="name" maxlength="50" required>` }) +
    check({ id: "fv-reply", name: "wantsReply", label: W("privacy.join.wantsReply"), hint: W("privacy.join.wantsReplyHint") }) +
    field(W, {
      id: "fv-phone",
      cls: "first-view__phone",
      label: W("join.phone"),
      hint: W("join.phoneHint"),
      control: `<input id="fv-phone" name="phone" type="tel" inputmode="tel" autocomplete="tel" maxlength="30" aria-describedby="fv-phone-hint">`,
    }) +
    field(W, {
      id: "fv-topic",
      label: W("join.topic"),
      hint: W("join.topicHint"),
      required: true,
      control: `<input id="fv-topic" name="topic" maxlength="100" required aria-describedby="fv-topic-hint">`,
    }) +
    field(W, { id: "fv-question", label: W("join.question"), control: `<textarea id="fv-question" name="question" rows="4" maxlength="2000"></textarea>` }) +
    check({ id: "fv-public", name: "isPublic", label: W("join.isPublic"), hint: W("join.isPublicHint") }) +
    check({ id: "fv-consent", name: "consent", label: W("join.consent") }) +
    `<button type="submit" class="button button--primary button--large" disabled>${escapeHtml(FIRST_VIEW_CONNECTING[lang])}</button>` +
    `</form></section>`
  );
}

function statusLine(state: Exclude<FirstViewState, "join">, s: FirstViewSession, held: HeldOnPhone, W: Words): string {
  const key: WordKey =
    state === "held"
      ? held === "ticket"
        ? "ticket.resuming"
        : "common.loading"
      : state === "ended"
        ? s.kind === "FORUM"
          ? "forum.join.ended"
          : "join.ended"
        : state === "closed"
          ? "join.closed"
          : "common.loading";
  return `<p class="notice" role="status">${W(key)}</p>`;
}

/**
 * The stand-in: the app's header bar, the session header, then the join form
 * or one line saying what the page will show, in the phone's language and, for
 * 长辈版, laid out as the page's one-step-at-a-time view. Goes right before `#root`.
 */
export function renderFirstView(s: FirstViewSession, held: HeldOnPhone, view: ViewChoice): string {
  const state = firstViewState(s, held);
  const W = wordsIn(view.lang);
  const brand = `<a href="/" class="brand" aria-label="${W("nav.home")}"><span class="brand__mark" aria-hidden="true">◎</span><span class="brand__name">${W("app.name")}</span></a>`;
  const grid = view.elder ? "voter-grid voter-grid--elder" : "voter-grid";
  // 长辈版 says which step this is above the form, as VoterPage.tsx does.
  const elderStep = view.elder ? `<div class="voter-grid__status"><p class="notice elder-step">${W("elder.step.join")}</p></div>` : "";
  return (
    `<div id="first-view" data-state="${state}"><header class="app-header">${brand}</header>` +
    `<main><div class="voter-page">${sessionHeader(s, view.lang)}` +
    // In the page's grid, where the page will put them: spacing (and a wide screen's columns) as the real thing.
    (state === "join"
      ? `<div class="${grid}">${elderStep}<div class="voter-grid__join">${joinForm(view.lang)}</div></div>`
      : `<div class="${grid}"><div class="voter-grid__status">${statusLine(state, s, held, W)}</div></div>`) +
    `</div></main></div>`
  );
}

/** Where a build's voter.html takes the first view (client/vite-plugins/route-pages.ts writes it before `#root`). */
export const FIRST_VIEW_MARK = "<!--first-view-->";

/**
 * voter.html with the stand-in in it: its rules in the head, its markup at the
 * mark, and the page's language and 长辈版 on `<html>` as the page's scripts
 * will set them (syncDocumentLang, AppShell). A page without the mark (a build
 * older than the first view, whose React would never remove it) is returned unchanged.
 */
export function withFirstView(html: string, firstView: string, view: ViewChoice): string {
  if (!html.includes(FIRST_VIEW_MARK) || !html.includes("</head>")) return html;
  // Replaced by functions: a "$&" in a title is text, not a replacement pattern.
  return html
    .replace(/<html lang="[^"]*"/, () => `<html lang="${view.lang}"${view.elder ? ' class="elder"' : ""}`)
    .replace("</head>", () => `${FIRST_VIEW_STYLE}</head>`)
    .replace(FIRST_VIEW_MARK, () => firstView);
}
