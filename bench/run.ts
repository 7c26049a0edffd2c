/**
 * `npm run bench` — fan-out against a bare-ws baseline, join storms, server
 * memory per viewer, the voter page on Fast 3G (bench/voter-3g.ts), and (when
 * bench/search.ts exists) the search bench.
 * `npm run bench -- --quick` is the one-minute version.
 *
 * Options: --quick · --only fanout,storm,steady,search,calls,voter3g · --merge (keep NAME.json's other parts) ·
 * --voter-before DIR (an older client build as a baseline) · --viewers 1000,5000 ·
 * --events 50 · --joins 500,2000 · --storm-viewers 1000 · --storm-viewer-client light|io · --storm-viewer-nice 10 · --storm-viewer-deflate 1|0 · --workers 4 · --out NAME (results/NAME.json|md) ·
 * --render (rewrite NAME.md and the chart from NAME.json)
 *
 * Writes bench/results/{latest|quick}.json and .md, and latency.svg.
 * Every load stays on 127.0.0.1 and every loop is bounded.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { runCallSetupBench, type CallSetupResult } from "./call-setup.ts";
import { runFanout, type FanoutResult } from "./fanout.ts";
import { runJoinStorm, type StormResult } from "./join-storm.ts";
import { runSteadyJoins, type SteadyResult } from "./steady-joins.ts";
import { runVoter3g } from "./voter-3g.ts";
import { TMP_DIR } from "./lib/bench-db.ts";
import { BENCH_DIR, ROOT_DIR } from "./lib/child.ts";
import { evaluateTargets, renderChart, renderMarkdown, type Machine, type Results } from "./lib/report.ts";
import { ViewerFleet } from "./lib/viewer-fleet.ts";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string): string | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const numbers = (name: string, fallback: number[]) => option(name)?.split(",").map(Number).filter((n) => n > 0) ?? fallback;

const quick = flag("quick");
const only = new Set(option("only")?.split(",") ?? ["fanout", "storm", "steady", "search", "calls", "voter3g"]);
/** --merge: replace only the selected parts of an existing results file (e.g. `--only calls --merge`). */
const merge = flag("merge");
const viewerCounts = numbers("viewers", quick ? [1000] : [1000, 5000, 10000]);
const events = numbers("events", [quick ? 20 : 50])[0]!;
const joinCounts = numbers("joins", quick ? [500] : [500, 2000]);
const workerCount = numbers("workers", [4])[0]!;
const stormViewers = option("storm-viewers") !== undefined ? Number(option("storm-viewers")) : 1000;
// The storm's watchers: light clients at nice 10 by default (bench/NOTES.md, "How it measures");
// `--storm-viewer-client io --storm-viewer-nice 0` is the heavier setup the earlier storm runs used.
// They offer permessage-deflate as Chrome does; `--storm-viewer-deflate 0` makes them take every frame plain.
const viewerClient = { light: option("storm-viewer-client") !== "io", nice: Number(option("storm-viewer-nice") ?? 10), deflate: option("storm-viewer-deflate") !== "0" };
const largest = Math.max(...joinCounts);
const storms = [
  ...joinCounts.map((joins) => ({ joins, viewers: stormViewers, viewerClient })),
  // The same largest storm again with watchers that take every frame plain (older iOS, some
  // in-app browsers, a proxy that strips the extension): both rows in one run.
  ...(viewerClient.deflate && stormViewers > 0 ? [{ joins: largest, viewers: stormViewers, viewerClient: { ...viewerClient, deflate: false } }] : []),
  // The full run adds the largest storm with nobody watching: the server's own capacity, without
  // the 1,000 viewer clients that share its two cores.
  ...(quick || option("joins") || option("storm-viewers") ? [] : [{ joins: largest, viewers: 0, viewerClient }]),
];
const outName = option("out") ?? (quick ? "quick" : "latest");
const RESULTS_DIR = path.join(BENCH_DIR, "results");

const started = Date.now();
const log = (line: string) => console.log(line);

function machine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? "unknown",
    cores: os.cpus().length,
    ramGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAvgAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function git(): Results["git"] {
  const read = (...a: string[]) => {
    try {
      return execFileSync("git", a, { cwd: ROOT_DIR, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      return "";
    }
  };
  return {
    commit: read("rev-parse", "--short", "HEAD") || "unknown",
    serverChangesUncommitted: read("status", "--porcelain", "--", "server").length > 0,
    ...(process.env.BENCH_SERVER_ROOT ? { serverRoot: process.env.BENCH_SERVER_ROOT } : {}),
  };
}

/** 10,000 viewers need ~20k file descriptors across processes and a few GB; skip when the machine can't hold it. */
function canHold(n: number): string | null {
  const freeGb = os.freemem() / 2 ** 30;
  if (freeGb < n / 1000) return `only ${freeGb.toFixed(1)} GB free`;
  try {
    const limit = Number(execFileSync("sh", ["-c", "ulimit -n"], { encoding: "utf8" }).trim());
    if (Number.isFinite(limit) && limit < n + 1000) return `ulimit -n is ${limit}`;
  } catch {
    /* unknown limit: try */
  }
  return null;
}

/**
 * bench/search.ts belongs to the back office. Contract: it exports
 * `runSearchBench({ quick, tmpDir, log })` resolving to something JSON-able;
 * a `markdown` string in it is copied into the report.
 */
async function runSearch(): Promise<unknown> {
  const file = path.join(BENCH_DIR, "search.ts");
  if (!existsSync(file)) return { skipped: "bench/search.ts does not exist yet" };
  const mod = (await import(pathToFileURL(file).href)) as { runSearchBench?: (o: unknown) => Promise<unknown> };
  if (typeof mod.runSearchBench !== "function") return { skipped: "bench/search.ts has no runSearchBench export" };
  return mod.runSearchBench({ quick, tmpDir: TMP_DIR, log });
}

async function main(): Promise<void> {
  mkdirSync(RESULTS_DIR, { recursive: true });
  const m = machine();
  log(`Tongxin bench (${quick ? "quick" : "full"}) on ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB, Node ${m.node}; load ${m.loadAvgAtStart.join(" ")}`);
  if (m.loadAvgAtStart[0]! > m.cores * 0.5) log(`  warning: the machine is busy (load ${m.loadAvgAtStart[0]}); numbers may be noisy`);

  const fanout: FanoutResult[] = [];
  const storm: StormResult[] = [];
  let steady: SteadyResult | null = null;
  const fleet = new ViewerFleet(workerCount);
  try {
    if (only.has("fanout")) {
      for (const n of viewerCounts) {
        const reason = canHold(n);
        if (reason) {
          log(`fan-out to ${n} viewers: skipped (${reason})`);
          continue;
        }
        log(`fan-out to ${n} viewers, ${events} events`);
        fanout.push(await runFanout(fleet, { viewers: n, events, log }));
      }
    }
    if (only.has("storm")) {
      for (const { joins, viewers, viewerClient } of storms) {
        log(`join storm: ${joins} joins, 200 in flight, ${viewers} watching${viewers && !viewerClient.deflate ? " (plain frames)" : ""}`);
        storm.push(await runJoinStorm(fleet, { joins, viewers, processes: 4, lanesPerProcess: 50, viewerClient, log }));
      }
    }
    if (only.has("steady")) {
      log("steady joins: 40 a second while 1000 watch");
      steady = await runSteadyJoins(fleet, { ratePerSec: 40, seconds: quick ? 5 : 10, viewers: 1000, log });
    }
  } finally {
    await fleet.stop();
  }

  let search: unknown = { skipped: "not selected (--only)" };
  if (only.has("search")) {
    log("search");
    try {
      search = await runSearch();
    } catch (e) {
      search = { skipped: `failed: ${e instanceof Error ? e.message : String(e)}` };
    }
    log(`  ${JSON.stringify(search).slice(0, 300)}`);
  }

  let voter3g: unknown;
  if (only.has("voter3g")) {
    log("voter page on Fast 3G");
    try {
      voter3g = await runVoter3g({ runs: quick ? 3 : 5, beforeDir: option("voter-before"), log });
    } catch (e) {
      voter3g = { skipped: `failed: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  let calls: CallSetupResult | undefined;
  if (only.has("calls")) {
    log("call setup (WebRTC, direct and through TURN)");
    try {
      calls = await runCallSetupBench({ calls: 20, log });
    } catch (e) {
      calls = { skipped: `failed: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}` };
    }
  }

  const previousFile = path.join(RESULTS_DIR, `${outName}.json`);
  const previous = merge && existsSync(previousFile) ? (JSON.parse(readFileSync(previousFile, "utf8")) as Results) : null;
  const keep = <T,>(part: string, fresh: T, old: T | undefined): T => (previous && !only.has(part) && old !== undefined ? old : fresh);
  const merged = {
    fanout: keep("fanout", fanout, previous?.fanout),
    storm: keep("storm", storm, previous?.storm),
    steady: keep("steady", steady, previous?.steady),
    search: keep("search", search, previous?.search),
    calls: keep("calls", calls, previous?.calls),
    voter3g: keep("voter3g", voter3g, previous?.voter3g),
  };
  const results: Results = {
    ...(previous ?? {}),
    date: previous?.date ?? new Date().toISOString(),
    mode: previous?.mode ?? (quick ? "quick" : "full"),
    machine: previous?.machine ?? m,
    git: previous?.git ?? git(),
    ...merged,
    ...(merged.calls ? { calls: merged.calls } : {}),
    targets: evaluateTargets(merged.fanout, merged.storm, merged.calls, merged.voter3g),
    durationSec: previous ? previous.durationSec : (Date.now() - started) / 1000,
    ...(previous
      ? {
          remeasured: [
            ...(previous.remeasured ?? []),
            { parts: [...only], date: new Date().toISOString(), commit: git().commit, serverChangesUncommitted: git().serverChangesUncommitted, loadAvgAtStart: m.loadAvgAtStart },
          ],
        }
      : {}),
  };
  if (previous) log(`merged into bench/results/${outName}.json (kept: ${["fanout", "storm", "steady", "search", "calls", "voter3g"].filter((p) => !only.has(p)).join(", ")})`);
  const notesFile = path.join(BENCH_DIR, "NOTES.md");
  const notes = existsSync(notesFile) ? readFileSync(notesFile, "utf8") : "";
  writeFileSync(path.join(RESULTS_DIR, `${outName}.json`), JSON.stringify(results, null, 2) + "\n");
  const chartFile = outName === "latest" ? "latency.svg" : `${outName}-latency.svg`;
  const markdown = renderMarkdown(results, notes, chartFile);
  writeFileSync(path.join(RESULTS_DIR, `${outName}.md`), markdown);
  if (fanout.length) writeFileSync(path.join(RESULTS_DIR, chartFile), renderChart(results));
  log("");
  printTables(markdown);
  for (const t of results.targets) log(`${t.met ? "MET   " : "MISSED"} ${t.name}: ${t.target} — ${t.measured}`);
  log(`results: bench/results/${outName}.json, ${outName}.md (${Math.round(results.durationSec)} s)`);
}

/** The report's tables (Tongxin beside the bare-ws baseline, storms, memory) on the terminal. */
function printTables(markdown: string): void {
  for (const section of markdown.split("\n## ").slice(1)) {
    const [heading, ...lines] = section.split("\n");
    if (!/^(Fan-out|Join storm|Memory|Call setup)/.test(heading ?? "")) continue;
    // Keep each table's rows together and a blank line between tables.
    const tables = lines.map((l) => (l.startsWith("|") ? l : "")).join("\n").replace(/\n{2,}/g, "\n\n").trim();
    if (tables) log(`## ${heading}\n${tables}\n`);
  }
}

/** `--render`: rewrite results/NAME.md and the chart from results/NAME.json (after editing NOTES.md). */
function render(): void {
  const results = JSON.parse(readFileSync(path.join(RESULTS_DIR, `${outName}.json`), "utf8")) as Results;
  // The targets as this version of the report reads them.
  results.targets = evaluateTargets(results.fanout, results.storm, results.calls, results.voter3g);
  writeFileSync(path.join(RESULTS_DIR, `${outName}.json`), JSON.stringify(results, null, 2) + "\n");
  const notesFile = path.join(BENCH_DIR, "NOTES.md");
  const chartFile = outName === "latest" ? "latency.svg" : `${outName}-latency.svg`;
  const markdown = renderMarkdown(results, existsSync(notesFile) ? readFileSync(notesFile, "utf8") : "", chartFile);
  writeFileSync(path.join(RESULTS_DIR, `${outName}.md`), markdown);
  if (results.fanout.length) writeFileSync(path.join(RESULTS_DIR, chartFile), renderChart(results));
  printTables(markdown);
  log(`rendered bench/results/${outName}.md`);
}

if (flag("render")) render();
else await main();
