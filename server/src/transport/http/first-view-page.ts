/**
 * voter.html with the session's first view in it (first-view.ts), built once
 * per session and phone state and kept for two seconds: when a stream starts
 * and a crowd opens the link together, the page costs one database read and
 * one compression per session, not one per phone. Two seconds is also how
 * long a shared watch snapshot lives (services/live-day/watch.ts); a form
 * shown just after the queue closed is corrected by the page as it loads.
 */
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readCookie } from "../cookies.ts";
import { HELD_COOKIE, readViewChoice, VIEW_COOKIE } from "../../protocol/first-view.ts";
import { renderFirstView, withFirstView, type FirstViewSession, type HeldOnPhone, type ViewChoice } from "./first-view.ts";

/** What this phone holds for the session, as the voter page's cookie says (protocol/first-view.ts). */
export function heldOf(cookieHeader: string | undefined): HeldOnPhone {
  const v = readCookie(cookieHeader, HELD_COOKIE);
  return v === "ticket" || v === "booking" ? v : null;
}

/** The language and 长辈版 this phone chose, as its cookie says (protocol/first-view.ts). */
export function viewOf(cookieHeader: string | undefined): ViewChoice {
  return readViewChoice(readCookie(cookieHeader, VIEW_COOKIE));
}

export interface RenderedPage {
  identity: Buffer;
  encoded: { br: Buffer; gzip: Buffer };
  etag: string;
}

export const FIRST_VIEW_MAX_AGE_MS = 2000;
const MAX_CACHED = 1000;

/** A page per (session, held, language, 长辈版) or null when there is no such session (or it cannot be read now): then the plain voter.html. */
export function firstViewPages(
  voterHtml: string,
  read: (sessionId: string) => Promise<FirstViewSession | null>,
  now: () => number = Date.now,
): (sessionId: string, held: HeldOnPhone, view: ViewChoice) => Promise<RenderedPage | null> {
  const cache = new Map<string, { at: number; page: Promise<RenderedPage | null> }>();
  return (sessionId, held, view) => {
    const key = `${sessionId}:${held ?? ""}:${view.lang}:${view.elder ? "elder" : ""}`;
    const hit = cache.get(key);
    if (hit && now() - hit.at <= FIRST_VIEW_MAX_AGE_MS) return hit.page;
    const page = read(sessionId).then(
      (s) => (s ? renderPage(withFirstView(voterHtml, renderFirstView(s, held, view), view)) : null),
      () => {
        if (cache.get(key)?.page === page) cache.delete(key);
        return null;
      },
    );
    if (cache.size >= MAX_CACHED) cache.clear();
    cache.set(key, { at: now(), page });
    return page;
  };
}

function renderPage(html: string): RenderedPage {
  const identity = Buffer.from(html);
  return {
    identity,
    // A fast brotli level: a few kilobytes, compressed once per session every two seconds at most.
    encoded: { br: brotliCompressSync(identity, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } }), gzip: gzipSync(identity) },
    etag: createHash("sha1").update(identity).digest("base64url").slice(0, 20),
  };
}
