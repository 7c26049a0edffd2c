/**
 * Browser fixtures for the e2e journeys: a real server with demo data serving
 * the built client, a real Chromium (Debian's, driven by playwright-core), and
 * small helpers to log in, find today's session, check accessibility and keep
 * screenshots under e2e/artifacts/.
 */
import { afterAll, beforeAll } from "vitest";
import { randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import type { Config } from "../server/src/config.ts";
import type { VenueNode } from "../server/src/protocol/model.ts";
import { startTestServer, type TestServer } from "../server/test/helpers/test-server.ts";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, SEEDED_DB, ensureClientBuilt } from "./browser-env.ts";

export { CHROMIUM, ROOT };
export const ARTIFACTS = path.join(ROOT, "e2e", "artifacts");
export const DEMO_PASSWORD = "tongxin-demo";

export async function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  if (!CHROMIUM) throw new Error("no chromium");
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

export interface World {
  server: TestServer;
  browser: Browser;
  base: string;
  /** every console error and page error seen, by page name */
  errors: string[];
  close(): Promise<void>;
}

/** `config` overrides the server's configuration (e.g. the media relay's addresses); `browserArgs` add Chromium flags (a fake microphone). */
export async function startWorld(opts: { config?: Partial<Config>; browserArgs?: readonly string[] } = {}): Promise<World> {
  ensureClientBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  const seeded = process.env[SEEDED_DB];
  const copy = seeded && existsSync(seeded) ? path.join(os.tmpdir(), `tongxin-e2e-${randomUUID()}.db`) : null;
  if (copy) copyFileSync(seeded!, copy);
  const server = await startTestServer(copy ? { dbFile: copy, serveClient: true, config: opts.config } : { seedDemo: true, serveClient: true, config: opts.config });
  const browser = await launchBrowser(opts.browserArgs);
  const errors: string[] = [];
  return {
    server,
    browser,
    base: server.url,
    errors,
    async close() {
      await browser.close();
      await server.stop();
      if (copy) for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(copy + suffix, { force: true });
    },
  };
}

type WorldOptions = Parameters<typeof startWorld>[0];

/**
 * useWorld(): the preamble every browser test needs, once. Called in a
 * describe block it starts the world (the server with the demo, Chromium)
 * before the block's own hooks and closes it after, and returns a handle whose
 * fields read the running world. `opts` may be a function, for options made
 * in an earlier hook (a fake microphone's file).
 *
 *   const world = useWorld();
 *   it("…", async () => { const { page } = await openPage(world, "voter", PHONE); … });
 */
export function useWorld(opts: WorldOptions | (() => WorldOptions | Promise<WorldOptions>) = {}): World {
  let current: World | null = null;
  beforeAll(async () => {
    current = await startWorld(typeof opts === "function" ? await opts() : opts);
  });
  afterAll(async () => {
    await current?.close();
  });
  const running = (): World => {
    if (!current) throw new Error("the world is not running: use it inside a test or a later hook");
    return current;
  };
  return {
    get server() {
      return running().server;
    },
    get browser() {
      return running().browser;
    },
    get base() {
      return running().base;
    },
    get errors() {
      return running().errors;
    },
    close: () => running().close(),
  };
}

export const PHONE: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };

/** A fresh browser profile (its own cookies and localStorage): one person at one device. */
export async function openPage(world: World, name: string, opts: BrowserContextOptions = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await world.browser.newContext({
    locale: "zh-CN",
    timezoneId: "Asia/Shanghai",
    baseURL: world.base,
    ...opts,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on("pageerror", (e) => world.errors.push(`[${name}] ${e.message}`));
  page.on("console", (m) => {
    // A 401 from /api/auth/me is how an anonymous visitor is recognised.
    if (m.type() === "error" && !/401 \(Unauthorized\)/.test(m.text())) world.errors.push(`[${name}] ${m.text()}`);
  });
  return { context, page };
}

/** Logs a context in through the API (the cookie lands in the context's jar). */
export async function loginAs(context: BrowserContext, base: string, username: string): Promise<void> {
  const res = await context.request.post(`${base}/api/auth/login`, { data: { username, password: DEMO_PASSWORD } });
  if (!res.ok()) throw new Error(`login ${username} failed: ${res.status()} ${await res.text()}`);
}

export interface SessionSummary {
  id: string;
  title: string;
  venueName: string;
  town: string;
}

/** Today's demo session at a venue (the seed opens one per venue, queue open). */
export async function todaysSession(base: string, venueName: string): Promise<SessionSummary> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const res = await fetch(`${base}/api/sessions?from=${from}&to=${to}`);
  const { sessions } = (await res.json()) as { sessions: SessionSummary[] };
  const found = sessions.find((s) => s.venueName === venueName);
  if (!found) throw new Error(`no session today at ${venueName}: ${sessions.map((s) => s.venueName).join(", ")}`);
  return found;
}

/** A demo venue's id by its name, anywhere in the 家→站→室 tree. */
export async function venueIdOf(base: string, name: string): Promise<string> {
  const { venues } = (await (await fetch(`${base}/api/venues`)).json()) as { venues: VenueNode[] };
  const all = (nodes: VenueNode[]): VenueNode[] => nodes.flatMap((n) => [n, ...all(n.children)]);
  const found = all(venues).find((v) => v.name === name);
  if (!found) throw new Error(`no venue ${name}`);
  return found.id;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

let axeCache: string | null = null;
const axeSource = () => (axeCache ??= readFileSync(path.join(ROOT, "node_modules", "axe-core", "axe.min.js"), "utf8"));

/**
 * Runs axe-core in the page; returns the serious and critical violations.
 * `enhancedContrast` adds the 7:1 rule (color-contrast-enhanced) that 长辈版 promises.
 */
export async function seriousA11yViolations(page: Page, opts: { enhancedContrast?: boolean } = {}): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the app's CSP rightly refuses an injected <script>.
  if (!(await page.evaluate("typeof axe !== 'undefined'"))) await page.evaluate(`${axeSource()};0`);
  const rules = opts.enhancedContrast ? ", rules: { 'color-contrast-enhanced': { enabled: true } }" : "";
  const result = (await page.evaluate(
    `axe.run(document, { resultTypes: ['violations']${rules} }).then(r => r.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => ({ target: n.target })) })))`,
  )) as AxeViolation[];
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export function describeViolations(violations: AxeViolation[]): string {
  return violations.map((v) => `${v.impact} ${v.id}: ${v.help} → ${v.nodes.map((n) => n.target.join(" ")).join(" | ")}`).join("\n");
}

export async function screenshot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage });
}
