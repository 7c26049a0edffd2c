/**
 * Serves the built client for a phone on a weak connection:
 * - precompressed brotli/gzip (`x.js.br`, `x.js.gz` written at build time by
 *   client/vite-plugins/precompress.ts) chosen by `Accept-Encoding`, with
 *   `Vary: Accept-Encoding`, so no CPU is spent compressing per request;
 * - hashed assets (`/assets/name-[hash].ext`) cached for a year as immutable,
 *   index.html `no-cache` (it names the current hashes), other files a day;
 * - only the client's routes answer with index.html; a missing file is a 404
 *   (a stale `/assets/old-hash.js` must fail loudly, not parse HTML as script);
 * - source maps are never served, even if a build left some behind;
 * - `/s/:id` carries a `Link: rel=preload` for the session's public view, and
 *   `/b/:code` for the booking's, so the browser fetches them in parallel with
 *   the scripts;
 * - the public pages that are chunks of their own get their own copy of
 *   index.html naming those chunks (`voter.html`…, written at build time by
 *   client/vite-plugins/route-pages.ts), so their code arrives with the entry
 *   instead of one round trip after it; a build without them serves index.html;
 * - `/s/:id` of a session that exists carries the session's first view in its
 *   HTML (first-view.ts): the header and a join form usable before any script
 *   has arrived.
 *
 * The directory is read once at start: a build is a few hundred kilobytes,
 * and serving from memory keeps a burst of viewers off the disk.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Router, type Request, type Response } from "express";
import type { FirstViewSession } from "./first-view.ts";
import { firstViewPages, heldOf, viewOf } from "./first-view-page.ts";

/** Paths the single-page app routes itself (client/src/App.tsx). */
export const CLIENT_ROUTE = /^\/(?:$|login\/?$|s\/|b\/|v\/|d\/|i\/|hall\/|desk\/|screen\/|admin(?:\/|$)|track(?:\/|$)|help\/)/;
/** The voter's page; the id is checked so nothing odd reaches a response header. */
const VOTER_PAGE = /^\/s\/([A-Za-z0-9_-]{1,64})\/?$/;
/** A booking's status page whose code is already as the client writes it (upper case, no dashes): its preload URL matches the client's fetch. */
const BOOKING_PAGE = /^\/b\/([A-Z0-9]{4,16})\/?$/;
/** Route → the page's HTML with its chunks named (client/vite-plugins/route-pages.ts ROUTE_PAGE_MODULES). */
const ROUTE_PAGES: Array<[RegExp, string]> = [
  [VOTER_PAGE, "/voter.html"],
  [/^\/b\/[^/]+\/?$/, "/booking.html"],
  [/^\/track\/[^/]+\/?$/, "/track.html"],
  [/^\/track\/?$/, "/track-lookup.html"],
  [/^\/v\/[^/]+\/?$/, "/venue.html"],
  [/^\/d\/[^/]+\/?$/, "/deputy.html"],
  [/^\/i\/[^/]+\/?$/, "/rsvp.html"],
];
/** `/assets/index-B3x_9aQe.js`: Vite puts a content hash in every asset name. */
const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
export const CACHE_INDEX = "no-cache";
const CACHE_OTHER = "public, max-age=86400";

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".webp": "image/webp",
  ".woff2": "font/woff2",
  ".mp3": "audio/mpeg",
  ".wav": "audio/wav",
};

type Encoding = "br" | "gzip";

interface StaticFile {
  type: string;
  cache: string;
  etag: string;
  identity: Buffer;
  encoded: Partial<Record<Encoding, Buffer>>;
}

const NOT_FOUND_HTML = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>页面不存在 · 同心</title></head><body style="font:18px/1.6 system-ui,sans-serif;margin:2rem"><h1>页面不存在 / Page not found</h1><p><a href="/">返回首页 / Home</a></p></body></html>`;

export interface StaticClientOptions {
  /** the session's public header facts for the voter page's first view; without it `/s/:id` is the plain voter.html */
  readFirstView?: (sessionId: string) => Promise<FirstViewSession | null>;
}

export function staticClient(clientDir: string, opts: StaticClientOptions = {}): Router {
  const files = readClientDir(clientDir);
  const index = files.get("/index.html");
  if (!index) throw new Error(`no index.html in ${clientDir}`);
  index.cache = CACHE_INDEX;
  files.delete("/index.html");
  const routePages = new Map<string, StaticFile>();
  for (const [, name] of ROUTE_PAGES) {
    const page = files.get(name);
    if (!page) continue;
    page.cache = CACHE_INDEX;
    files.delete(name);
    routePages.set(name, page);
  }
  const voterPage = routePages.get("/voter.html");
  const firstView = voterPage && opts.readFirstView ? firstViewPages(voterPage.identity.toString("utf8"), opts.readFirstView) : null;
  const pageFor = (urlPath: string): StaticFile => {
    const hit = ROUTE_PAGES.find(([re]) => re.test(urlPath));
    return (hit && routePages.get(hit[1])) || index;
  };

  const router = Router();
  router.get(/^\/(?!api\/|socket\.io\/|healthz$).*/, async (req, res) => {
    const file = files.get(req.path);
    if (file) return send(req, res, file, 200);
    if (CLIENT_ROUTE.test(req.path)) {
      const voterSession = VOTER_PAGE.exec(req.path)?.[1];
      // A phone on 3G fetches the session while the scripts download, not after: the join form shows one round trip sooner.
      if (voterSession) res.setHeader("Link", `</api/sessions/${voterSession}>; rel=preload; as=fetch; crossorigin=anonymous`);
      if (voterSession && firstView) {
        const page = await firstView(voterSession, heldOf(req.headers.cookie), viewOf(req.headers.cookie));
        // The page depends on the phone's cookies too (what it holds, its language and 长辈版).
        if (page) return send(req, res, { ...voterPage!, ...page }, 200, "Accept-Encoding, Cookie");
      }
      // The same for a booking's page: it shows once the HTTP answer is in, not after the socket's handshake.
      const bookingCode = BOOKING_PAGE.exec(req.path)?.[1];
      if (bookingCode) res.setHeader("Link", `</api/bookings/${bookingCode}>; rel=preload; as=fetch; crossorigin=anonymous`);
      return send(req, res, pageFor(req.path), 200);
    }
    res.status(404).type("html").set("Cache-Control", "no-cache").send(NOT_FOUND_HTML);
  });
  return router;
}

function send(req: Request, res: Response, file: StaticFile, status: number, vary = "Accept-Encoding"): void {
  const encoding = pickEncoding(req.headers["accept-encoding"], file);
  const body = encoding ? file.encoded[encoding]! : file.identity;
  const etag = encoding ? `"${file.etag}-${encoding}"` : `"${file.etag}"`;
  res.setHeader("Vary", vary);
  res.setHeader("Cache-Control", file.cache);
  res.setHeader("ETag", etag);
  if (req.headers["if-none-match"]?.split(/\s*,\s*/).includes(etag)) {
    res.status(304).end();
    return;
  }
  res.status(status);
  res.setHeader("Content-Type", file.type);
  if (encoding) res.setHeader("Content-Encoding", encoding);
  res.setHeader("Content-Length", body.length);
  res.end(body);
}

/** The best encoding the client accepts (q > 0) that the build produced. */
export function pickEncoding(header: string | string[] | undefined, file: Pick<StaticFile, "encoded">): Encoding | null {
  const accepted = new Map<string, number>();
  for (const part of (Array.isArray(header) ? header.join(",") : header ?? "").split(",")) {
    const [name, ...params] = part.trim().toLowerCase().split(";");
    if (!name) continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    accepted.set(name, q ? Number(q.slice(2)) || 0 : 1);
  }
  const ok = (e: Encoding) => file.encoded[e] && (accepted.get(e) ?? accepted.get("*") ?? 0) > 0;
  if (ok("br")) return "br";
  if (ok("gzip")) return "gzip";
  return null;
}

function readClientDir(root: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  for (const abs of walk(root)) {
    const ext = path.extname(abs);
    // Source maps stay out of production; .br/.gz are variants, not files of their own.
    if (ext === ".map" || ext === ".br" || ext === ".gz") continue;
    const url = "/" + path.relative(root, abs).split(path.sep).join("/");
    const identity = readFileSync(abs);
    const encoded: StaticFile["encoded"] = {};
    for (const [encoding, suffix] of [["br", ".br"], ["gzip", ".gz"]] as const) {
      try {
        encoded[encoding] = readFileSync(abs + suffix);
      } catch {
        // not precompressed (too small, or not text): served as is
      }
    }
    files.set(url, {
      type: CONTENT_TYPES[ext] ?? "application/octet-stream",
      cache: HASHED_ASSET.test(url) ? CACHE_IMMUTABLE : CACHE_OTHER,
      etag: createHash("sha1").update(identity).digest("base64url").slice(0, 20),
      identity,
      encoded,
    });
  }
  return files;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) yield* walk(abs);
    else yield abs;
  }
}
