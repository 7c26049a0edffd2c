/**
 * `npm run bench:lighthouse` — Lighthouse 12 on the public pages, as a phone
 * sees them: its default mobile profile (Moto G Power screen, simulated
 * throttling: 150 ms RTT, 1.6 Mbps down, 4× CPU slowdown) in Debian
 * Chromium, headless.
 *
 * The app runs as the other benches run it (bench/workers/tongxin-server.ts
 * in its own process on 127.0.0.1) with the demo data (seeded here into a
 * fresh SQLite file) and its own production build of the client. Pages:
 * the home page, today's demo day (`/s/:id`), a demo booking's status page
 * (`/b/:code`) and a demo case's tracking page (`/track/:code`). Each page is
 * audited `--runs` times (default 3; pages interleaved so a busy moment on
 * the machine hits all of them alike) and the median of each number is
 * reported. Chromium resolves no host but 127.0.0.1 (`--host-resolver-rules`),
 * so nothing leaves the machine.
 *
 * `--before DIR` also audits an older client build (e.g. one built from an
 * earlier commit) served the same way by a second server on the same data,
 * interleaved with this one, so both see the same machine load.
 *
 * Writes bench/results/lighthouse.{md,json} (or `--out NAME`);
 * `--reports DIR` also keeps every run's full Lighthouse JSON (for the
 * diagnostics: layout shifts, long tasks, bootup time).
 *
 * `npx tsx bench/lighthouse.ts [--runs 3] [--out lighthouse] [--reports DIR] [--pages home,day] [--before DIR]`
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import { openDatabase } from "../server/src/store/prisma.ts";
import { seededDemoDbFile } from "../server/test/helpers/demo-db.ts";
import { findChromium } from "../e2e/browser-env.ts";
import { TMP_DIR } from "./lib/bench-db.ts";
import { BENCH_DIR, ROOT_DIR } from "./lib/child.ts";
import { startTongxin } from "./lib/servers.ts";

export const TARGETS = { performance: 90, cls: 0.1, tbtMs: 200, otherCategories: 100 } as const;
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
type Category = (typeof CATEGORIES)[number];
const METRICS = {
  fcp: "first-contentful-paint",
  lcp: "largest-contentful-paint",
  tbt: "total-blocking-time",
  cls: "cumulative-layout-shift",
  si: "speed-index",
  tti: "interactive",
} as const;
type Metric = keyof typeof METRICS;

export interface PageResult {
  name: string;
  /** "this build", or "before" (--before) */
  build: string;
  path: string;
  runs: number;
  /** medians; categories 0–100, times in ms, CLS unitless */
  scores: Record<Category, number>;
  metrics: Record<Metric, number>;
  samples: Array<{ scores: Record<Category, number>; metrics: Record<Metric, number> }>;
  /** audits below 1 in accessibility / best practices / SEO, any run */
  failing: string[];
  /** the median-performance run's biggest costs, for reading the numbers */
  diagnostics: { bootupMs: number; mainThreadMs: number; transferKb: number; requests: number; lcpElement: string; shifts: string[]; longTasks: number };
  met: boolean;
}

interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, { score: number | null; numericValue?: number; title: string; details?: { items?: Array<Record<string, unknown>> } }>;
  runtimeError?: { code: string; message: string };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function buildClient(outDir: string): void {
  execFileSync(path.join(ROOT_DIR, "node_modules", ".bin", "vite"), ["build", "--config", "client/vite.config.ts", "--outDir", outDir, "--emptyOutDir"], {
    cwd: ROOT_DIR,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: "pipe",
  });
}

/** Debian Chromium with a DevTools port for Lighthouse; resolves to the port. */
async function launchChromium(chromiumPath: string, profileDir: string): Promise<{ port: number; proc: ChildProcess }> {
  const proc = spawn(
    chromiumPath,
    [
      "--headless=new",
      "--remote-debugging-port=0",
      "--remote-debugging-address=127.0.0.1",
      `--user-data-dir=${profileDir}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      "--no-default-browser-check",
      // The network rule: only this machine.
      "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const port = await new Promise<number>((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`Chromium gave no DevTools port in 30 s: ${seen.slice(-500)}`)), 30_000);
    proc.stderr!.on("data", (chunk: Buffer) => {
      seen += chunk.toString();
      const m = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    proc.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`Chromium exited (${code}): ${seen.slice(-500)}`));
    });
  });
  proc.stderr!.resume();
  return { port, proc };
}

/** Today's first OPEN demo day, a booking and a tracking code (the demo is seeded, not fixed, so they are looked up). */
async function demoTargets(dbUrl: string): Promise<Array<{ name: string; path: string }>> {
  const db = await openDatabase(dbUrl);
  try {
    const day = await db.receptionSession.findFirstOrThrow({ where: { status: "OPEN" }, orderBy: { startsAt: "asc" }, select: { id: true } });
    const booking = await db.booking.findFirstOrThrow({ where: { status: "BOOKED" }, orderBy: { bookedAt: "asc" }, select: { code: true } });
    const tracked = await db.case.findFirstOrThrow({ orderBy: { createdAt: "desc" }, select: { trackingCode: true } });
    return [
      { name: "home", path: "/" },
      { name: "day", path: `/s/${day.id}` },
      { name: "booking", path: `/b/${booking.code}` },
      { name: "track", path: `/track/${tracked.trackingCode}` },
    ];
  } finally {
    await db.$disconnect();
  }
}

function summarize(lhr: Lhr) {
  if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>;
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? NaN])) as Record<Metric, number>;
  return { scores, metrics };
}

function failingAudits(lhr: Lhr & { categories: Record<string, { auditRefs?: Array<{ id: string; weight: number }> }> }): string[] {
  const out: string[] = [];
  for (const c of CATEGORIES.filter((x) => x !== "performance")) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (ref.weight > 0 && a && a.score !== null && a.score < 1) out.push(`${c}: ${ref.id}`);
    }
  }
  return out;
}

function diagnostics(lhr: Lhr): PageResult["diagnostics"] {
  const items = (id: string) => lhr.audits[id]?.details?.items ?? [];
  const lcpItem = items("largest-contentful-paint-element")[0] as { items?: Array<{ node?: { snippet?: string } }> } | undefined;
  const shifts = items("layout-shifts").map((i) => {
    const node = (i.node as { snippet?: string } | undefined)?.snippet ?? "?";
    return `${Number(i.score ?? 0).toFixed(3)} ${node.slice(0, 80)}`;
  });
  return {
    bootupMs: Math.round(lhr.audits["bootup-time"]?.numericValue ?? 0),
    mainThreadMs: Math.round(lhr.audits["mainthread-work-breakdown"]?.numericValue ?? 0),
    transferKb: Math.round((lhr.audits["total-byte-weight"]?.numericValue ?? 0) / 1024),
    requests: items("network-requests").length,
    lcpElement: (lcpItem?.items?.[0]?.node?.snippet ?? "").slice(0, 100),
    shifts,
    longTasks: items("long-tasks").length,
  };
}

export async function runLighthouse(opts: { runs?: number; reportsDir?: string; only?: string[]; beforeDir?: string; log?: (line: string) => void } = {}): Promise<{ pages: PageResult[]; markdown: string; loadAvg: { start: number[]; end: number[] } }> {
  const runs = opts.runs ?? 3;
  const log = opts.log ?? ((line: string) => console.log(line));
  const chromiumPath = findChromium();
  if (!chromiumPath) throw new Error("no Chromium (apt-get install -y chromium fonts-noto-cjk)");
  const loadStart = os.loadavg();

  // Its own production build (client/dist may be a test build with React's development bundle).
  const built = path.join(TMP_DIR, "lighthouse-client");
  log("building the client…");
  buildClient(built);

  log("seeding the demo…");
  const dbFile = await seededDemoDbFile();
  const pages = (await demoTargets(dbFile.url)).filter((p) => !opts.only || opts.only.includes(p.name));

  const builds = [{ name: "this build", server: await startTongxin({ url: dbFile.url }, { CLIENT_DIR: built, LOG_LEVEL: "error" }) }];
  if (opts.beforeDir) builds.push({ name: "before", server: await startTongxin({ url: dbFile.url }, { CLIENT_DIR: path.resolve(opts.beforeDir), LOG_LEVEL: "error" }) });
  const profile = mkdtempSync(path.join(os.tmpdir(), "tongxin-lh-"));
  const chrome = await launchChromium(chromiumPath, profile);
  if (opts.reportsDir) mkdirSync(opts.reportsDir, { recursive: true });
  const collected = new Map<string, Array<{ lhr: Lhr; s: ReturnType<typeof summarize> }>>();
  try {
    for (let i = 0; i < runs; i++) {
      for (const p of pages.flatMap((page) => builds.map((b) => ({ ...page, build: b.name, server: b.server, key: `${b.name}|${page.name}` })))) {
        // A busy machine now and then spoils a trace (NO_NAVSTART and the like): that audit is run again, once.
        let lhr: Lhr | undefined;
        for (let attempt = 1; attempt <= 2 && (!lhr || lhr.runtimeError); attempt++) {
          if (lhr?.runtimeError) log(`  ${p.name}: ${lhr.runtimeError.code}, again`);
          const result = await lighthouse(`${p.server.url}${p.path}`, {
            port: chrome.port,
            output: "json",
            logLevel: "error",
            onlyCategories: [...CATEGORIES],
          });
          if (!result) throw new Error(`lighthouse gave no result for ${p.path}`);
          lhr = result.lhr as unknown as Lhr;
        }
        if (!lhr) throw new Error(`lighthouse gave no result for ${p.path}`);
        const s = summarize(lhr);
        collected.set(p.key, [...(collected.get(p.key) ?? []), { lhr, s }]);
        if (opts.reportsDir) writeFileSync(path.join(opts.reportsDir, `${p.build === "before" ? "before-" : ""}${p.name}-${i + 1}.json`), JSON.stringify(lhr));
        log(`  ${p.build === "before" ? "before " : ""}${p.name} #${i + 1}: perf ${s.scores.performance} · a11y ${s.scores.accessibility} · bp ${s.scores["best-practices"]} · seo ${s.scores.seo} · CLS ${s.metrics.cls.toFixed(3)} · TBT ${Math.round(s.metrics.tbt)} ms · LCP ${Math.round(s.metrics.lcp)} ms · FCP ${Math.round(s.metrics.fcp)} ms`);
      }
    }
  } finally {
    chrome.proc.kill("SIGTERM");
    await new Promise((r) => (chrome.proc.exitCode !== null ? r(null) : chrome.proc.once("exit", r)));
    rmSync(profile, { recursive: true, force: true });
    for (const b of builds) await b.server.child.stop();
    dbFile.remove();
    rmSync(built, { recursive: true, force: true });
  }

  const results: PageResult[] = builds.flatMap((b) => pages.map((p) => ({ ...p, build: b.name }))).map((p) => {
    const all = collected.get(`${p.build}|${p.name}`)!;
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((x) => x.s.scores[c]))])) as Record<Category, number>;
    const metrics = Object.fromEntries((Object.keys(METRICS) as Metric[]).map((m) => [m, median(all.map((x) => x.s.metrics[m]))])) as Record<Metric, number>;
    const byPerf = [...all].sort((a, b) => a.s.scores.performance - b.s.scores.performance);
    const mid = byPerf[Math.floor(byPerf.length / 2)]!;
    const failing = [...new Set(all.flatMap((x) => failingAudits(x.lhr as Parameters<typeof failingAudits>[0])))];
    const met =
      scores.performance >= TARGETS.performance &&
      metrics.cls <= TARGETS.cls &&
      metrics.tbt <= TARGETS.tbtMs &&
      scores.accessibility === 100 &&
      scores["best-practices"] === 100 &&
      scores.seo === 100;
    return { name: p.name, build: p.build, path: p.path, runs: all.length, scores, metrics, samples: all.map((x) => x.s), failing, diagnostics: diagnostics(mid.lhr), met };
  });
  const loadAvg = { start: loadStart, end: os.loadavg() };
  return { pages: results, loadAvg, markdown: renderLighthouse(results, loadAvg) };
}

const ms = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;

export function renderLighthouse(pages: PageResult[], loadAvg: { start: number[]; end: number[] }): string {
  const L: string[] = [];
  const cpu = os.cpus()[0]?.model.trim() ?? "?";
  const commit = (() => {
    try {
      return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT_DIR }).toString().trim();
    } catch {
      return "?";
    }
  })();
  const la = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(" / ");
  L.push("# Lighthouse on the public pages");
  L.push("");
  L.push(`${new Date().toISOString()} · ${cpu}, ${os.cpus().length} cores · Node ${process.version} · commit ${commit} · load ${la(loadAvg.start)} at start, ${la(loadAvg.end)} at end`);
  L.push("");
  L.push(
    "Lighthouse 12, its default mobile profile (simulated throttling: 150 ms RTT, 1.6 Mbps, 4× CPU slowdown), Debian Chromium headless; the app with the demo data and its production build on 127.0.0.1. " +
      `Median of ${pages[0]?.runs ?? 0} runs per page. Targets: performance ≥ ${TARGETS.performance}, CLS ≤ ${TARGETS.cls}, TBT ≤ ${TARGETS.tbtMs} ms, accessibility / best practices / SEO ${TARGETS.otherCategories}.`,
  );
  L.push("");
  const both = pages.some((p) => p.build === "before");
  const label = (p: PageResult) => `${p.name}${both ? ` (${p.build})` : ""}`;
  if (both) L.push("`before` is an older client build (`--before`) served by a second server on the same data, audited interleaved with this build.\n");
  L.push("| page | perf | a11y | BP | SEO | CLS | TBT | LCP | FCP | Speed Index | TTI | met |");
  L.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
  for (const p of pages) {
    const s = p.scores;
    const m = p.metrics;
    L.push(`| ${label(p)} \`${p.path.replace(/^(\/[a-z]+\/).+$/, "$1…")}\` | ${s.performance} | ${s.accessibility} | ${s["best-practices"]} | ${s.seo} | ${m.cls.toFixed(3)} | ${ms(m.tbt)} | ${ms(m.lcp)} | ${ms(m.fcp)} | ${ms(m.si)} | ${ms(m.tti)} | ${p.met ? "yes" : "**no**"} |`);
  }
  L.push("");
  L.push("Per run (perf · TBT · LCP):");
  L.push("");
  for (const p of pages) L.push(`- ${label(p)}: ${p.samples.map((x) => `${x.scores.performance} · ${Math.round(x.metrics.tbt)} · ${Math.round(x.metrics.lcp)}`).join(" | ")}`);
  L.push("");
  L.push("The median-performance run's costs (main thread and script time as Lighthouse reports them: observed × its 4× CPU slowdown):");
  L.push("");
  L.push("| page | main thread | script bootup | transfer | requests | long tasks | LCP element |");
  L.push("|---|---:|---:|---:|---:|---:|---|");
  for (const p of pages) {
    const d = p.diagnostics;
    L.push(`| ${label(p)} | ${ms(d.mainThreadMs)} | ${ms(d.bootupMs)} | ${d.transferKb} KB | ${d.requests} | ${d.longTasks} | \`${d.lcpElement.replace(/[|`]/g, " ") || "—"}\` |`);
  }
  const shifts = pages.filter((p) => p.diagnostics.shifts.length);
  if (shifts.length) {
    L.push("");
    L.push("Layout shifts (score, element):");
    for (const p of shifts) L.push(`- ${label(p)}: ${p.diagnostics.shifts.map((s) => `\`${s.replace(/`/g, "'")}\``).join("; ")}`);
  }
  const failing = pages.filter((p) => p.failing.length);
  if (failing.length) {
    L.push("");
    L.push("Audits below 100 outside performance:");
    for (const p of failing) L.push(`- ${label(p)}: ${p.failing.join(", ")}`);
  }
  L.push("");
  L.push(
    "Reading these: the machine has two cores shared with other work. Lighthouse's simulation scales the main-thread time it *observed* by 4×, so TBT and TTI (and through them the performance score) move with the load average; CLS, transfer sizes and the request chain do not. FCP/LCP/Speed Index are mostly the simulated network (round trips × bytes) and move little.",
  );
  return L.join("\n");
}

const args = process.argv.slice(2);
const opt = (n: string) => (args.includes(`--${n}`) ? args[args.indexOf(`--${n}`) + 1] : undefined);
const out = opt("out") ?? "lighthouse";
const r = await runLighthouse({ runs: Number(opt("runs") ?? 3), reportsDir: opt("reports"), only: opt("pages")?.split(","), beforeDir: opt("before") });
const dir = path.join(BENCH_DIR, "results");
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, `${out}.md`), r.markdown + "\n");
writeFileSync(path.join(dir, `${out}.json`), JSON.stringify({ date: new Date().toISOString(), loadAvg: r.loadAvg, targets: TARGETS, pages: r.pages }, null, 2) + "\n");
console.log("\n" + r.markdown);
