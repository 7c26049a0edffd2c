/**
 * Search bench: GET /api/search over 100,000 transcript lines, against the
 * baseline a first version would ship — `LIKE '%停车%'` over the transcript.
 *
 *   npx tsx bench/search.ts [--lines 100000] [--rounds 40] [--quick]
 *   npx tsx bench/search.ts --url http://127.0.0.1:3000 --token T   (an already running server)
 *
 * Self-contained mode: a fresh bench database (bench/lib/bench-db.ts), two
 * venues (the staff member may read one), N transcript lines over 200
 * sessions inserted with raw SQL in one transaction (the search triggers
 * index them as production writes would), the server in its own process,
 * then each query `rounds` times, sequentially — search is one person at a
 * keyboard, so the number that matters is the latency of one request.
 *
 * `npm run bench` calls runSearchBench({ quick, tmpDir, log }) and copies the
 * `markdown` of the result into its report.
 */
import { statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { createBenchDb, openBenchDb } from "./lib/bench-db.ts";
import { startTongxin } from "./lib/servers.ts";
import { summarize, type Summary } from "./lib/stats.ts";
import type { ServiceDeps } from "../server/src/services/deps.ts";
import { findDocs } from "../server/src/services/records-and-cases/search.ts";
import type { Db } from "../server/src/store/prisma.ts";

export interface SearchBenchOptions {
  /** a running server to query (then nothing is generated) */
  url?: string;
  token?: string;
  /** transcript lines to generate (default 100,000; 20,000 with quick) */
  lines?: number;
  /** requests per query (default 40; 10 with quick) */
  rounds?: number;
  quick?: boolean;
  tmpDir?: string;
  log?: (line: string) => void;
}

export interface QueryResult {
  q: string;
  hits: number;
  /** GET /api/search end to end, ms */
  http: Summary;
  /** the index query alone (SearchDoc ⋈ search_bigram, as the service runs it), ms (self-contained mode only) */
  indexSql?: Summary;
  /** the baseline: LIKE over TranscriptEntry on the same file, ms (self-contained mode only) */
  likeSql?: Summary;
  likeHits?: number;
}

export interface SearchBenchResult {
  lines: number;
  seedSec: number | null;
  dbMb: number | null;
  rounds: number;
  /** GET /healthz over the same connection: the floor under any request on this machine now */
  floor: Summary;
  queries: QueryResult[];
  /** over all queries' HTTP samples */
  p50: number;
  p99: number;
  markdown: string;
}

export const QUERIES = ["停车", "电梯", "加装电梯", "停车位不够", "垃圾分类", "消防通道堵塞", "3号楼", "火星"];

// ---- generating the transcript --------------------------------------------

const SUBJECTS = ["小区", "老旧小区", "村里", "学校门口", "菜场周边", "河道", "3号楼", "12号楼", "社区卫生站", "公交站台"];
const ISSUES = [
  "停车位不够，晚上回家找不到地方停车",
  "没有电梯，老人上下楼很困难，希望加装电梯",
  "垃圾分类投放点太远",
  "路灯坏了好几天没人修",
  "消防通道堵塞，存在安全隐患",
  "噪音扰民，夜里施工影响休息",
  "看病排队时间太长",
  "公交线路调整后出行不便",
  "绿化带被占用种菜",
  "物业费上涨没有公示",
];
const ANSWERS = [
  "我们会协调镇建设局尽快答复",
  "这个问题已记录，将转交相关部门办理",
  "请社区先摸排情况，下周向您反馈",
  "我们会在下次代表小组活动中专题研究",
];

/** A deterministic pseudo-random line (xorshift), so every run indexes the same text. */
function lineGenerator(seed = 20261126) {
  let x = seed >>> 0;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  const pick = <T>(xs: readonly T[]) => xs[next() % xs.length]!;
  return (i: number): { kind: "QUESTION" | "ANSWER"; role: "VOTER" | "DEPUTY"; text: string } =>
    i % 2 === 0
      ? { kind: "QUESTION", role: "VOTER", text: `${pick(SUBJECTS)}${pick(ISSUES)}，第${next() % 500}户反映` }
      : { kind: "ANSWER", role: "DEPUTY", text: `${pick(ANSWERS)}（${pick(SUBJECTS)}）` };
}

const sqlTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** Inserts `lines` transcript lines over 200 sessions at two venues, in one transaction. */
export async function seedTranscript(db: Db, venueInScope: string, lines: number): Promise<{ otherVenueId: string }> {
  const other = await db.venue.create({ data: { name: "三好村人大代表联络站", kind: "STATION", town: "黎里镇" } });
  const sessions = 200;
  const start = Date.now() - 400 * 86_400_000;
  const sessionIds: string[] = [];
  await db.$transaction(
    async (tx) => {
      for (let s = 0; s < sessions; s++) {
        const id = `bench-s${s}`;
        const at = new Date(start + s * 2 * 86_400_000);
        await tx.$executeRawUnsafe(
          `INSERT INTO "ReceptionSession" ("id","venueId","title","theme","startsAt","endsAt","deputies","status","updatedAt","streamKey") VALUES (?,?,?,?,?,?,?,?,?,?)`,
          id,
          s % 2 === 0 ? venueInScope : other.id,
          "代表接待日",
          "停车难与加装电梯",
          sqlTime(at),
          sqlTime(new Date(at.getTime() + 3 * 3600_000)),
          JSON.stringify(["沈晓鹃"]),
          "ENDED",
          sqlTime(at),
          `${id}-stream-key`, // the column's default is Prisma's, not the database's
        );
        sessionIds.push(id);
      }
      const line = lineGenerator();
      const BATCH = 500;
      for (let i = 0; i < lines; i += BATCH) {
        const n = Math.min(BATCH, lines - i);
        const params: unknown[] = [];
        for (let k = 0; k < n; k++) {
          const j = i + k;
          const l = line(j);
          const s = Math.floor((j / lines) * sessions);
          params.push(`bench-e${j}`, sessionIds[s], l.kind, l.role, l.text, "PUBLIC", sqlTime(new Date(start + s * 2 * 86_400_000 + (j % 1000) * 1000)));
        }
        await tx.$executeRawUnsafe(
          `INSERT INTO "TranscriptEntry" ("id","sessionId","kind","speakerRole","text","visibility","createdAt") VALUES ${Array(n).fill("(?,?,?,?,?,?,?)").join(",")}`,
          ...params,
        );
      }
    },
    { timeout: 600_000, maxWait: 60_000 },
  );
  // Merge the index's segments as a quiet night would (FTS5 also merges on its own as it goes).
  await db.$executeRawUnsafe(`INSERT INTO search_bigram(search_bigram) VALUES ('optimize')`);
  return { otherVenueId: other.id };
}

// ---- measuring --------------------------------------------------------------

async function timeHttp(url: string, token: string, q: string, rounds: number): Promise<{ summary: Summary; hits: number; samples: number[] }> {
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < rounds + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/search?q=${encodeURIComponent(q)}`, { headers: { authorization: `Bearer ${token}` } });
    const body = (await res.json()) as { results?: unknown[]; error?: { message: string } };
    const ms = performance.now() - t0;
    if (!res.ok) throw new Error(`search ${q}: ${res.status} ${body.error?.message ?? ""}`);
    hits = body.results?.length ?? 0;
    if (i >= 2) samples.push(ms); // two warm-up requests
  }
  return { summary: summarize(samples), hits, samples };
}

async function timeAsync(rounds: number, fn: () => Promise<number>): Promise<{ summary: Summary; hits: number }> {
  const samples: number[] = [];
  let hits = 0;
  for (let i = 0; i < rounds + 2; i++) {
    const t0 = performance.now();
    hits = await fn();
    if (i >= 2) samples.push(performance.now() - t0);
  }
  return { summary: summarize(samples), hits };
}

const LIKE_SQL = `SELECT t."id", t."text" FROM "TranscriptEntry" t JOIN "ReceptionSession" s ON s."id" = t."sessionId"
                  WHERE t."text" LIKE ? AND s."venueId" = ? ORDER BY t."createdAt" DESC LIMIT 51`;

/** The baseline a first version would ship: a scan with LIKE '%q%'. */
const timeLike = (db: Db, venueId: string, q: string, rounds: number) =>
  timeAsync(rounds, async () => Math.min(50, (await db.$queryRawUnsafe<unknown[]>(LIKE_SQL, `%${q}%`, venueId)).length));

/** The service's own index query, in this process, on the same file. */
const timeIndex = (db: Db, venueId: string, q: string, rounds: number) =>
  timeAsync(rounds, async () => Math.min(50, (await findDocs({ db, config: { databaseUrl: "file:bench" } as ServiceDeps["config"] }, q, [venueId], 51)).rows.length));

const timeFloor = (url: string, rounds: number) =>
  timeAsync(rounds, async () => {
    await (await fetch(`${url}/healthz`)).text();
    return 0;
  });

function markdownOf(r: Omit<SearchBenchResult, "markdown">): string {
  const head = `Search over ${r.lines.toLocaleString("en")} transcript lines${r.seedSec != null ? ` (seeded in ${r.seedSec} s, database ${r.dbMb} MB)` : ""}, ${r.rounds} sequential requests per query, results limited to 50, staff scoped to one of two venues.`;
  const cell = (x: Summary | undefined) => (x ? `${x.p50} / ${x.p99}` : "—");
  const rows = r.queries.map((q) => `| ${q.q} | ${q.hits} | ${cell(q.http)} | ${cell(q.indexSql)} | ${cell(q.likeSql)} |`);
  return [
    head,
    "",
    "| query | hits | GET /api/search ms (p50 / p99) | index SQL ms | baseline LIKE SQL ms |",
    "|---|---:|---:|---:|---:|",
    ...rows,
    "",
    `All queries over HTTP: p50 ${r.p50} ms, p99 ${r.p99} ms. Floor (GET /healthz on the same server): p50 ${r.floor.p50} ms, p99 ${r.floor.p99} ms.`,
    "The two SQL columns run in the bench process through Prisma on the same file: the index query is the service's own (findDocs), the baseline is LIKE '%q%' over TranscriptEntry joined to its session for the venue scope.",
  ].join("\n");
}

export async function runSearchBench(opts: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const log = opts.log ?? (() => undefined);
  const rounds = opts.rounds ?? (opts.quick ? 10 : 40);
  const queries: QueryResult[] = [];
  const allSamples: number[] = [];
  let seedSec: number | null = null;
  let dbMb: number | null = null;
  let lines = opts.lines ?? 0;
  let floor: Summary;

  if (opts.url) {
    if (!opts.token) throw new Error("runSearchBench: --url needs --token (a staff login token)");
    floor = (await timeFloor(opts.url, rounds)).summary;
    for (const q of QUERIES) {
      const { summary, hits, samples } = await timeHttp(opts.url, opts.token, q, rounds);
      allSamples.push(...samples);
      queries.push({ q, hits, http: summary });
    }
  } else {
    lines = opts.lines ?? (opts.quick ? 20_000 : 100_000);
    const benchDb = await createBenchDb("search");
    const db = await openBenchDb(benchDb.url);
    let server: Awaited<ReturnType<typeof startTongxin>> | null = null;
    try {
      log(`  seeding ${lines.toLocaleString("en")} transcript lines`);
      const t0 = performance.now();
      await seedTranscript(db, benchDb.venueId, lines);
      seedSec = Math.round((performance.now() - t0) / 100) / 10;
      dbMb = Math.round(statSync(benchDb.file).size / 1e5) / 10;
      log(`  seeded in ${seedSec} s (${dbMb} MB)`);
      server = await startTongxin(benchDb);
      floor = (await timeFloor(server.url, rounds)).summary;
      for (const q of QUERIES) {
        const http = await timeHttp(server.url, benchDb.staffToken, q, rounds);
        const index = await timeIndex(db, benchDb.venueId, q, rounds);
        const like = await timeLike(db, benchDb.venueId, q, rounds);
        if (index.hits !== like.hits) log(`  warning: ${q}: the index found ${index.hits}, LIKE ${like.hits}`);
        allSamples.push(...http.samples);
        queries.push({ q, hits: http.hits, http: http.summary, indexSql: index.summary, likeSql: like.summary, likeHits: like.hits });
        log(`  ${q}: ${http.hits} hits; HTTP p50 ${http.summary.p50} ms; index SQL p50 ${index.summary.p50} ms; LIKE SQL p50 ${like.summary.p50} ms`);
      }
    } finally {
      await server?.child.stop();
      await db.$disconnect();
      benchDb.remove();
    }
  }
  const all = summarize(allSamples);
  const result = { lines, seedSec, dbMb, rounds, floor: floor!, queries, p50: all.p50, p99: all.p99 };
  return { ...result, markdown: markdownOf(result) };
}

// ---- standalone -------------------------------------------------------------

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const num = (name: string) => (option(name) ? Number(option(name)) : undefined);
  const result = await runSearchBench({
    url: option("url"),
    token: option("token"),
    lines: num("lines"),
    rounds: num("rounds"),
    quick: args.includes("--quick"),
    log: (l) => console.log(l),
  });
  console.log("");
  console.log(result.markdown);
}
