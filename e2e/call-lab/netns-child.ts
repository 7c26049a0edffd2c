/**
 * The call lab: runs INSIDE a private network namespace (started by
 * `unshare -n`, see run-lab.ts), because Chromium gathers no ICE candidates
 * when loopback is the only interface. It gives the namespace a veth pair
 * (10.43.0.1/24) and lo, starts Tongxin (and, for relay runs, coturn) there,
 * launches Chromium with a fake microphone playing a tone, and plays calls
 * between a hall console and a voter's phone. Nothing it sends can leave the
 * namespace. The last stdout line is `CALL_LAB_RESULT {json}`.
 *
 *   node --import tsx e2e/call-lab/netns-child.ts --mode direct|relay --calls N
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { createServer as createTcpServer, connect as tcpConnect, type AddressInfo, type Server as TcpServer } from "node:net";
import { randomBytes, randomUUID } from "node:crypto";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { io as ioClient } from "socket.io-client";
import { startTestServer, type TestServer } from "../../server/test/helpers/test-server.ts";
import { CHROMIUM, CHROMIUM_ARGS, SEEDED_DB } from "../browser-env.ts";
import { fakeMicrophoneArgs, NETWORK_UP_COMMANDS, toneWav, VETH_IP } from "./private-network.ts";

const PROBE = readFileSync(path.join(import.meta.dirname, "probe.js"), "utf8");
const probeFor = (role: "hall" | "voter") => PROBE.replaceAll("__LAB_ROLE__", role);
/** Reads the page's probe (probe.js): `lab(page, "summary()")`. */
const lab = <T = unknown>(page: Page, expr: string): Promise<T> => page.evaluate(`window.__lab.${expr}`) as Promise<T>;
interface LabSummary {
  inboundAudioPackets: number;
  audioLevel: number | null;
  localCandidateType: string | null;
  remoteCandidateType: string | null;
}

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const mode = option("mode", "direct") as "direct" | "relay";
const calls = Math.max(1, Math.min(100, Number(option("calls", "1"))));
const TURN_PORT = 3478;
const STEP_TIMEOUT = 15_000;

export interface CallSample {
  /** hall click → first inbound audio packet at the hall */
  setupMs: number;
  /** hall mute click → the hall's level reads 0 */
  muteMs: number | null;
  /** hall hang-up click → every track the voter's page opened has ended */
  hangUpMs: number | null;
}

export interface LabResult {
  mode: "direct" | "relay";
  interfaces: string;
  samples: CallSample[];
  /** from the first call, while it was up */
  first: {
    hallInboundPackets: number;
    voterInboundPackets: number;
    hallLevel: number;
    hallLevelMuted: number;
    hallAudioLevelStat: number | null;
    hallCandidateType: string | null;
    voterCandidateType: string | null;
    hallPhase: string | null;
    voterPhase: string | null;
    voterTracksEnded: boolean;
    voterEndedText: string | null;
    /** "typ" of the candidates each page received from the other: relay-only means no host/srflx here */
    hallSignaledTypes: string[];
    voterSignaledTypes: string[];
  } | null;
  /** the voter page opened over http://10.43.0.1 (not a secure context): what it said */
  insecure: { isSecureContext: boolean; hasMediaDevices: boolean; problem: string | null; text: string | null } | null;
  errors: string[];
}

/** Forwards VETH_IP:<port> to the server on 127.0.0.1, so a page can be opened by a LAN-style address. */
async function lanForwarder(targetPort: number): Promise<TcpServer> {
  const server = createTcpServer((client) => {
    const upstream = tcpConnect(targetPort, "127.0.0.1");
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on("error", close);
    upstream.on("error", close);
  });
  await new Promise<void>((resolve) => server.listen(0, VETH_IP, resolve));
  return server;
}

/** A voter on plain http by a LAN address: no microphone for them, and the page must say why. */
async function checkInsecureVoter(browser: Browser, base: string, sessionId: string): Promise<LabResult["insecure"]> {
  const forwarder = await lanForwarder(Number(new URL(base).port));
  const lanBase = `http://${VETH_IP}:${(forwarder.address() as AddressInfo).port}`;
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 375, height: 812 }, isMobile: true });
  try {
    const page = await context.newPage();
    const token = await joinVoter(base, sessionId, "李四");
    await page.goto(`${lanBase}/s/${sessionId}?t=${encodeURIComponent(token)}`);
    const problem = page.getByTestId("mic-problem");
    await problem.waitFor({ timeout: STEP_TIMEOUT });
    return {
      isSecureContext: (await page.evaluate("window.isSecureContext")) as boolean,
      hasMediaDevices: (await page.evaluate("!!navigator.mediaDevices")) as boolean,
      problem: await problem.getAttribute("data-problem"),
      text: await problem.textContent(),
    };
  } finally {
    await context.close();
    forwarder.close();
  }
}

function sh(cmd: string, cmdArgs: string[]): string {
  return execFileSync(cmd, cmdArgs, { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

/** The namespace's network: a veth pair with a private address, and loopback. */
function setUpNetwork(): string {
  for (const [cmd, ...cmdArgs] of NETWORK_UP_COMMANDS) sh(cmd!, cmdArgs);
  return sh("ip", ["-br", "addr"]).trim();
}

async function startCoturn(secret: string): Promise<ChildProcess> {
  const turn = spawn(
    "turnserver",
    [
      "-n",
      "--listening-ip=127.0.0.1",
      `--listening-port=${TURN_PORT}`,
      "--relay-ip=127.0.0.1",
      "--min-port=49152",
      "--max-port=49400",
      "--use-auth-secret",
      `--static-auth-secret=${secret}`,
      "--realm=tongxin",
      "--allow-loopback-peers",
      "--no-cli",
      "--no-tls",
      "--no-dtls",
      "--log-file=stdout",
      "--simple-log",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("coturn did not start within 10 s")), 10_000);
    let log = "";
    const onData = (d: Buffer) => {
      log += d.toString();
      if (/listener opened on|IPv4\. UDP listener/i.test(log) || /Total (UDP|General) servers/i.test(log)) {
        clearTimeout(timer);
        resolve();
      }
    };
    turn.stdout!.on("data", onData);
    turn.stderr!.on("data", onData);
    turn.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`coturn exited (${code}): ${log.slice(-500)}`));
    });
  });
  return turn;
}

async function todaysSessionId(base: string, venueName: string): Promise<string> {
  const from = new Date(Date.now() - 86_400_000).toISOString();
  const to = new Date(Date.now() + 86_400_000).toISOString();
  const { sessions } = (await (await fetch(`${base}/api/sessions?from=${from}&to=${to}`)).json()) as { sessions: Array<{ id: string; venueName: string }> };
  const s = sessions.find((x) => x.venueName === venueName);
  if (!s) throw new Error(`no session today at ${venueName}`);
  return s.id;
}

/** A voter who joined online over a plain socket (the page adopts the token from the link). */
async function joinVoter(base: string, sessionId: string, name = "王小明"): Promise<string> {
  const socket = ioClient(base, { transports: ["websocket"], reconnection: false, forceNew: true });
  try {
    const ack = (await socket.timeout(10_000).emitWithAck("queue:join", { sessionId, name, topic: "停车难", isPublic: true, requestId: randomUUID() })) as {
      ok: boolean;
      data: { voterToken: string };
    };
    if (!ack.ok) throw new Error(`queue:join failed: ${JSON.stringify(ack)}`);
    return ack.data.voterToken;
  } finally {
    socket.disconnect();
  }
}

const waitFor = async <T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = STEP_TIMEOUT, everyMs = 20): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
};

async function playCall(hall: Page, voter: Page, index: number, collectFirst: boolean): Promise<{ sample: CallSample; first: LabResult["first"] }> {
  await lab(hall, "reset()");
  await lab(voter, "reset()");
  // The waiting-room check opens the microphone before the first call (as a voter would); after a call the card says what comes next instead.
  const micReady = voter.getByTestId("mic-ready");
  if (!(await micReady.count()) && (await voter.getByTestId("mic-check").count())) {
    await voter.getByTestId("mic-check").click();
    await micReady.waitFor({ timeout: STEP_TIMEOUT });
  }
  await hall.getByTestId("call-start").click();
  const audioAt = await waitFor(`call ${index}: first audio at the hall`, () => lab<number | null>(hall, "firstAudioAt"), STEP_TIMEOUT, 10);
  const setupMs = audioAt - (await lab<number>(hall, 'clicks["call-start"]'));

  await waitFor("a level above silence at the hall", async () => Number(await hall.getByTestId("call-level").getAttribute("data-level")) > 0.02);
  await waitFor("audio at the voter", async () => (await lab<number>(voter, "inboundAudioPackets()")) > 0);
  let first: LabResult["first"] = null;
  if (collectFirst) {
    await new Promise((r) => setTimeout(r, 500));
    await screenshots(hall, voter, "connected");
    const hallStats = await lab<LabSummary>(hall, "summary()");
    const voterStats = await lab<LabSummary>(voter, "summary()");
    first = {
      hallInboundPackets: hallStats.inboundAudioPackets,
      voterInboundPackets: voterStats.inboundAudioPackets,
      hallLevel: Number(await hall.getByTestId("call-level").getAttribute("data-level")),
      hallLevelMuted: -1,
      hallAudioLevelStat: hallStats.audioLevel,
      hallCandidateType: hallStats.localCandidateType,
      voterCandidateType: voterStats.localCandidateType,
      hallPhase: await hall.getByTestId("hall-call").getAttribute("data-phase"),
      voterPhase: await voter.getByTestId("voter-call").getAttribute("data-phase"),
      voterTracksEnded: false,
      voterEndedText: null,
      hallSignaledTypes: await lab<string[]>(hall, "signaledCandidateTypes"),
      voterSignaledTypes: await lab<string[]>(voter, "signaledCandidateTypes"),
    };
  }

  await hall.getByTestId("call-mute").click();
  const mutedAt = await waitFor("the hall's level to drop to 0", async () => {
    const level = Number(await hall.getByTestId("call-level").getAttribute("data-level"));
    return level === 0 ? lab<number>(hall, "levelZeroAt()").then((at) => at || Date.now()) : null;
  }, STEP_TIMEOUT, 10);
  const muteClick = await lab<number>(hall, 'clicks["call-mute"]');
  const muteMs = mutedAt > 0 ? mutedAt - muteClick : null;
  if (first) first.hallLevelMuted = Number(await hall.getByTestId("call-level").getAttribute("data-level"));
  await hall.getByTestId("call-unmute").click();

  await hall.getByTestId("call-hang-up").click();
  const endedAt = await waitFor("the voter's tracks to end", () => lab<number>(voter, "tracksEndedAt()"));
  const hangClick = await lab<number>(hall, 'clicks["call-hang-up"]');
  if (first) {
    first.voterTracksEnded = await lab<boolean>(voter, "allTracksEnded()");
    await voter.getByTestId("voter-call-ended").waitFor({ timeout: STEP_TIMEOUT });
    first.voterEndedText = await voter.getByTestId("voter-call-ended").textContent();
    await screenshots(hall, voter, "ended");
  }
  await waitFor("the hall to be ready for the next call", () => hall.getByTestId("call-start").count());
  return { sample: { setupMs, muteMs, hangUpMs: endedAt - hangClick }, first };
}

/** CALL_LAB_ARTIFACTS=dir: screenshots of both pages (calls-<mode>-<what>-hall|voter.png). */
async function screenshots(hall: Page, voter: Page, what: string): Promise<void> {
  const dir = process.env.CALL_LAB_ARTIFACTS;
  if (!dir) return;
  await hall.screenshot({ path: path.join(dir, `calls-${mode}-${what}-hall.png`) });
  await voter.screenshot({ path: path.join(dir, `calls-${mode}-${what}-voter.png`), fullPage: true });
}

/** What both pages show and what their peer connections say, for a failure message. */
async function diagnose(hall: Page, voter: Page): Promise<unknown> {
  const side = async (page: Page, testId: string) => {
    const el = page.getByTestId(testId);
    return {
      phase: (await el.count()) ? await el.getAttribute("data-phase") : "(absent)",
      media: (await el.count()) ? await el.getAttribute("data-media") : null,
      text: (await el.count()) ? ((await el.textContent()) ?? "").slice(0, 300) : null,
      stats: await lab<LabSummary>(page, "summary()").catch(() => null),
    };
  };
  const acceptClicked = await voter.evaluate("document.querySelector('[data-testid=call-accept]')?.dataset.labClicked ?? 'not clicked or no button'");
  return { hall: await side(hall, "hall-call"), voter: await side(voter, "voter-call"), acceptClicked };
}

async function main(): Promise<void> {
  const errors: string[] = [];
  const result: LabResult = { mode, interfaces: "", samples: [], first: null, insecure: null, errors };
  const tmp = mkdtempSync(path.join(os.tmpdir(), "tongxin-call-lab-"));
  let server: TestServer | null = null;
  let turn: ChildProcess | null = null;
  let browser: Browser | null = null;
  let pages: { hall: Page; voter: Page } | null = null;
  try {
    if (!CHROMIUM) throw new Error("no chromium");
    result.interfaces = setUpNetwork();
    const wav = toneWav(tmp);
    const secret = randomBytes(16).toString("hex");
    if (mode === "relay") turn = await startCoturn(secret);

    const seeded = process.env[SEEDED_DB];
    const dbFile = path.join(tmp, "lab.db");
    if (seeded && existsSync(seeded)) copyFileSync(seeded, dbFile);
    server = await startTestServer({
      ...(seeded && existsSync(seeded) ? { dbFile } : { seedDemo: true }),
      serveClient: true,
      config: {
        rtc:
          mode === "relay"
            ? { stunUrls: [], turnUrls: [`turn:127.0.0.1:${TURN_PORT}?transport=udp`], turnSecret: secret, relayOnly: true }
            : { stunUrls: [], turnUrls: [], turnSecret: null, relayOnly: false },
      },
    });
    const base = server.url;
    const sessionId = await todaysSessionId(base, "晓鹃工作室");

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        ...CHROMIUM_ARGS,
        ...fakeMicrophoneArgs(wav),
      ],
    });
    const hallContext = await browser.newContext({ locale: "zh-CN", baseURL: base, viewport: { width: 1366, height: 900 } });
    await hallContext.request.post(`${base}/api/auth/login`, { data: { username: "deputy.xiaojuan", password: "tongxin-demo" } });
    await hallContext.addInitScript(probeFor("hall"));
    const voterContext = await browser.newContext({ locale: "zh-CN", baseURL: base, viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });
    await voterContext.addInitScript(probeFor("voter"));
    const hall = await hallContext.newPage();
    const voter = await voterContext.newPage();
    for (const [name, page] of [["hall", hall], ["voter", voter]] as const) {
      page.setDefaultTimeout(STEP_TIMEOUT);
      page.on("pageerror", (e) => errors.push(`[${name}] ${e.message}`));
      page.on("console", (m) => {
        // ERR_NETWORK_CHANGED: Chromium notices the namespace's veth coming up while it starts; not the page's fault.
        if (m.type() === "error" && !/401|ERR_NETWORK_CHANGED/.test(m.text())) errors.push(`[${name}] ${m.text()}`);
      });
    }

    pages = { hall, voter };
    const voterToken = await joinVoter(base, sessionId);
    await voter.goto(`/s/${sessionId}?t=${encodeURIComponent(voterToken)}`);
    await voter.getByTestId("my-ticket").waitFor();
    await hall.goto(`/hall/${sessionId}`);
    await hall.getByTestId("call-next").click();
    await hall.getByTestId("call-start").waitFor();
    await voter.getByTestId("voter-call").waitFor();

    for (let i = 0; i < calls; i++) {
      const { sample, first } = await playCall(hall, voter, i + 1, i === 0);
      result.samples.push(sample);
      if (first) result.first = first;
    }
    if (mode === "direct") result.insecure = await checkInsecureVoter(browser, base, sessionId);
  } catch (e) {
    errors.push(e instanceof Error ? `${e.message}\n${e.stack ?? ""}` : String(e));
    if (pages) errors.push(`state: ${JSON.stringify(await diagnose(pages.hall, pages.voter).catch((d: unknown) => String(d)))}`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    turn?.kill("SIGTERM");
    rmSync(tmp, { recursive: true, force: true });
  }
  process.stdout.write(`CALL_LAB_RESULT ${JSON.stringify(result)}\n`);
}

await main();
process.exit(0);
