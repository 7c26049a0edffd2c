/**
 * The livestream journey for real (docs/ARCHITECTURE.md §5c): nginx-rtmp
 * started with media/nginx.conf on free 127.0.0.1 ports, ffmpeg pushing a test
 * pattern with a tone, a voter's phone playing the HLS in Chromium (muted at
 * first, sound on with one tap, an encoder drop and its return, the day's
 * end), the hall console showing the encoder's state and ending the day. Needs Debian's nginx, libnginx-mod-rtmp and
 * ffmpeg: skipped with a warning without them, unless E2E_REQUIRED=1.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaToolsAvailable, startMediaRelay, type MediaRelay } from "../media/relay.ts";
import type { StreamSettings } from "../server/src/protocol/model.ts";
import { ARTIFACTS, CHROMIUM, DEMO_PASSWORD, PHONE, describeViolations, loginAs, openPage, screenshot, seriousA11yViolations, todaysSession, useWorld } from "./fixtures.ts";

const tools = mediaToolsAvailable();
const missing = Object.entries(tools).filter(([, ok]) => !ok).map(([name]) => name);
if (missing.length) {
  const message = `livestream e2e needs ${missing.join(", ")} (apt-get install nginx libnginx-mod-rtmp ffmpeg)`;
  if (process.env.E2E_REQUIRED === "1") throw new Error(`E2E_REQUIRED=1: ${message}`);
  console.warn(`\n⚠⚠⚠ SKIPPING ${message} ⚠⚠⚠\n`);
}

const HOOK_SECRET = "e2e-hook-secret";
const VENUE = "盛泽镇坛丘片区人大代表之家";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** ffmpeg pushing 25 fps colour bars with a 440 Hz tone; -t bounds it even if a test forgets it. */
function push(rtmpUrl: string, seconds: number): { child: ChildProcess; exit: Promise<number | null>; log: () => string } {
  const child = spawn(
    "ffmpeg",
    [
      "-hide_banner", "-loglevel", "error", "-re",
      "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
      "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100",
      "-t", String(seconds),
      // yuv420p: testsrc is RGB, and browsers do not decode H.264's 4:4:4 profiles.
      "-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "25", "-pix_fmt", "yuv420p",
      "-c:a", "aac", "-b:a", "64k",
      "-f", "flv", rtmpUrl,
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  let stderr = "";
  child.stderr?.on("data", (b: Buffer) => (stderr += b.toString()));
  const exit = new Promise<number | null>((resolve) => child.once("exit", (code, signal) => resolve(signal ? -1 : code)));
  return { child, exit, log: () => stderr };
}

const streamState = (page: Page) => page.getByTestId("stream-state").getAttribute("data-state");
const videoTime = async (page: Page) => Number(await page.evaluate("document.querySelector('video.stream__video')?.currentTime ?? -1"));
const videoMuted = (page: Page) => page.evaluate("document.querySelector('video.stream__video')?.muted ?? null");
/** The phone's screen with the stream box in view (it sits below the queue on a phone). */
async function shot(page: Page, name: string): Promise<void> {
  await page.getByTestId("stream-state").evaluate((el) => el.scrollIntoView({ block: "center" }));
  await screenshot(page, name);
}
const poll = <T>(fn: () => Promise<T>, timeout = 20_000) => expect.poll(fn, { timeout, interval: 200 });

describe.skipIf(!CHROMIUM || missing.length > 0)("the livestream through nginx-rtmp", () => {
  let relay: MediaRelay;
  let prefix: string;
  const pushes: ChildProcess[] = [];
  let rtmpPort = 0;
  let hlsPort = 0;
  const world = useWorld(async () => {
    [rtmpPort, hlsPort] = [await freePort(), await freePort()];
    return { config: { mediaRtmpUrl: `rtmp://127.0.0.1:${rtmpPort}/live`, mediaHlsBase: `http://127.0.0.1:${hlsPort}/hls`, mediaHookSecret: HOOK_SECRET } };
  });

  beforeAll(async () => {
    prefix = mkdtempSync(path.join(os.tmpdir(), "tongxin-media-"));
    relay = await startMediaRelay({
      prefix,
      rtmpPort,
      hlsPort,
      hookBase: `${world.base}/api/media`,
      hookSecret: HOOK_SECRET,
      hlsFragment: "1s",
      hlsPlaylistLength: "4s",
      updateEvery: "3s",
    });
  });
  afterAll(async () => {
    for (const p of pushes) if (p.exitCode === null) p.kill("SIGKILL");
    await relay?.stop();
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  async function staffApi(pathName: string, init: { method?: string; json?: unknown } = {}): Promise<unknown> {
    const login = await fetch(`${world.base}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "staff.shengze", password: DEMO_PASSWORD }) });
    const { token } = (await login.json()) as { token: string };
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (init.json !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${world.base}${pathName}`, { method: init.method ?? "GET", headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
    if (!res.ok) throw new Error(`${pathName}: ${res.status} ${await res.text()}`);
    return res.json();
  }
  const streamSettings = (sessionId: string) => staffApi(`/api/sessions/${sessionId}/stream`) as Promise<StreamSettings>;

  it("a voter watches: plays muted with an unmute control, sound on in one tap, an encoder drop is an interruption, the next push plays again, only the day's end ends it", async () => {
    const session = await todaysSession(world.base, VENUE);
    const settings = await streamSettings(session.id);
    expect(settings.rtmpUrl).toBe(relay.rtmpUrl);
    expect(settings.hlsUrl!.startsWith(`${relay.hlsBase}/`)).toBe(true);

    // A wrong key: nginx asks Tongxin, gets 403 and drops the encoder at once.
    const started = Date.now();
    const wrong = push(`${relay.rtmpUrl}/not-the-key`, 20);
    pushes.push(wrong.child);
    expect(await wrong.exit).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);

    const { page: voter } = await openPage(world, "voter phone", PHONE);
    await voter.goto(`/s/${session.id}`);
    await poll(() => streamState(voter)).toBe("not-started");
    await expect(voter.getByTestId("stream-state").textContent()).resolves.toContain("未开始直播");
    await shot(voter, "journey-livestream-1-not-started");
    // Marks this page load: still there later means nobody reloaded.
    await voter.evaluate("window.__sameLoad = true");

    const { page: hall, context: hallContext } = await openPage(world, "hall");
    await loginAs(hallContext, world.base, "staff.shengze");
    await hall.goto(`/hall/${session.id}`);
    await poll(() => hall.getByTestId("stream-panel-state").getAttribute("data-live")).toBe("false");
    await expect(hall.getByTestId("stream-key").inputValue()).resolves.toBe(settings.streamKey);
    await expect(hall.getByTestId("stream-rtmp-url").inputValue()).resolves.toBe(relay.rtmpUrl);

    // The right key: the voter's page starts playing on stream.started, muted as browsers
    // require, with the control to turn the sound on in plain sight.
    const first = push(`${relay.rtmpUrl}/${settings.streamKey}`, 120);
    pushes.push(first.child);
    await poll(() => streamState(voter), 30_000).toBe("playing");
    expect(await voter.getByTestId("stream-state").getAttribute("data-engine")).toBe("hls.js");
    const t0 = await videoTime(voter);
    await poll(() => videoTime(voter), 10_000).toBeGreaterThan(t0 + 1);
    await expect(voter.getByTestId("stream-state").textContent()).resolves.toContain("直播中");
    const unmute = voter.getByRole("button", { name: "点击开启声音" });
    expect(await unmute.isVisible()).toBe(true);
    expect(await videoMuted(voter)).toBe(true);
    await poll(() => hall.getByTestId("stream-panel-state").getAttribute("data-live")).toBe("true");
    await shot(voter, "journey-livestream-2-playing-muted");
    await hall.getByTestId("stream-panel").screenshot({ path: path.join(ARTIFACTS, "journey-livestream-hall-panel.png") });
    for (const page of [voter, hall]) {
      const violations = await seriousA11yViolations(page);
      expect(violations, describeViolations(violations)).toEqual([]);
    }

    // One tap: sound on, the control goes away.
    await unmute.tap();
    await poll(() => videoMuted(voter)).toBe(false);
    await poll(() => unmute.count()).toBe(0);
    await shot(voter, "journey-livestream-3-sound-on");

    // Viewers load HLS under the public name only; the key names no file and no URL.
    const files = readdirSync(relay.hlsDir);
    expect(files.some((f) => f.endsWith(".m3u8"))).toBe(true);
    expect(files.join(" ")).not.toContain(settings.streamKey);
    expect((await fetch(settings.hlsUrl!)).status).toBe(200);
    expect((await fetch(`${relay.hlsBase}/${settings.streamKey}.m3u8`)).status).toBe(404);
    expect(await voter.content()).not.toContain(settings.streamKey);

    // The encoder drops (killed, as a crashed laptop or a lost uplink would): the day goes on,
    // so the phone says the signal is lost and it is coming back — never that the stream ended.
    first.child.kill("SIGKILL");
    await first.exit;
    await poll(() => streamState(voter)).toBe("interrupted");
    await expect(voter.getByTestId("stream-state").textContent()).resolves.toContain("信号中断，正在恢复");
    expect(await voter.locator("body").textContent()).not.toContain("直播已结束");
    await poll(() => hall.getByTestId("stream-panel-state").getAttribute("data-live")).toBe("false");
    await shot(voter, "journey-livestream-4-interrupted");

    // The encoder pushes again: the same page plays again, with the sound the voter turned on.
    const second = push(`${relay.rtmpUrl}/${settings.streamKey}`, 120);
    pushes.push(second.child);
    await poll(() => streamState(voter), 30_000).toBe("playing");
    const t1 = await videoTime(voter);
    await poll(() => videoTime(voter), 10_000).toBeGreaterThan(t1 + 1);
    expect(await voter.evaluate("window.__sameLoad === true")).toBe(true);
    expect(await videoMuted(voter)).toBe(false);
    expect(await unmute.count()).toBe(0);
    await shot(voter, "journey-livestream-5-playing-again");

    // Staff end the day in the hall console: only now has the stream ended.
    await hall.getByRole("button", { name: "结束接待", exact: true }).click();
    await hall.getByRole("dialog").getByRole("button", { name: "结束接待", exact: true }).click();
    await poll(() => streamState(voter)).toBe("ended");
    await expect(voter.getByTestId("stream-state").textContent()).resolves.toContain("直播已结束");
    await shot(voter, "journey-livestream-6-day-ended");
    // nginx's next on_update (every 3 s here) is refused for an ended day: the encoder is dropped.
    const dropped = await Promise.race([second.exit, new Promise<"still pushing">((r) => setTimeout(() => r("still pushing"), 15_000))]);
    expect(dropped).not.toBe("still pushing");
    expect(existsSync(relay.hlsDir)).toBe(true);
    expect(world.errors.filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });

  it("a new key drops the encoder still using the old one, and the phone waits for the stream again", async () => {
    const session = await todaysSession(world.base, "盛泽镇南麻片区人大代表之家");
    const before = await streamSettings(session.id);
    const { page: voter } = await openPage(world, "voter phone 2", PHONE);
    await voter.goto(`/s/${session.id}`);
    const encoder = push(`${relay.rtmpUrl}/${before.streamKey}`, 60);
    pushes.push(encoder.child);
    await poll(() => streamState(voter), 30_000).toBe("playing");

    const { page: hall, context } = await openPage(world, "hall 2");
    await loginAs(context, world.base, "staff.shengze");
    await hall.goto(`/hall/${session.id}`);
    await poll(() => hall.getByTestId("stream-key").inputValue()).toBe(before.streamKey);
    await hall.getByRole("button", { name: "更换密钥" }).click();
    await hall.getByRole("dialog").getByRole("button", { name: "更换密钥" }).click();
    await poll(() => hall.getByTestId("stream-key").inputValue()).not.toBe(before.streamKey);
    const after = await streamSettings(session.id);
    expect(await hall.getByTestId("stream-key").inputValue()).toBe(after.streamKey);

    // nginx's next on_update (every 3 s here) is refused: the old encoder is dropped.
    const dropped = await Promise.race([encoder.exit, new Promise<"still pushing">((r) => setTimeout(() => r("still pushing"), 15_000))]);
    expect(dropped).not.toBe("still pushing");
    expect(dropped).not.toBe(0);
    await poll(() => streamState(voter)).toBe("not-started");
  });

  it("a stream address that does not answer shows reconnecting, not a black player", async () => {
    const session = await todaysSession(world.base, "盛泽镇南麻片区人大代表之家");
    await staffApi(`/api/sessions/${session.id}`, { method: "PATCH", json: { streamUrl: `${relay.hlsBase}/nobody-here.m3u8` } });
    const { page: voter } = await openPage(world, "voter phone 3", PHONE);
    await voter.goto(`/s/${session.id}`);
    await poll(() => streamState(voter), 15_000).toBe("reconnecting");
    await expect(voter.getByTestId("stream-state").textContent()).resolves.toContain("重新连接中");
    await screenshot(voter, "livestream-voter-reconnecting");
    world.errors.length = 0; // the 404s of the missing playlist are the point here
  });
});
