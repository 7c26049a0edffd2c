/**
 * The relay's `hls` application takes a stream only from the relay's own push
 * of an accepted encoder: a local process that learned a station's public
 * name from its HLS URL cannot publish under it (real nginx-rtmp from
 * media/nginx.conf and real ffmpeg; docs/ARCHITECTURE.md "Livestream as built").
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaToolsAvailable, startMediaRelay, type MediaRelay } from "../../media/relay.ts";
import { publicStreamName } from "../src/domain/livestream.ts";
import { freePort } from "./helpers/server-process.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const tools = mediaToolsAvailable();
const missing = Object.entries(tools).filter(([, ok]) => !ok).map(([name]) => name);
if (missing.length) {
  const message = `the media relay test needs ${missing.join(", ")} (apt-get install nginx libnginx-mod-rtmp ffmpeg)`;
  if (process.env.E2E_REQUIRED === "1") throw new Error(`E2E_REQUIRED=1: ${message}`);
  console.warn(`\n!!! SKIPPING ${message} !!!\n`);
}

const SECRET = "relay-test-secret";
const [rtmpPort, hlsPort] = missing.length ? [0, 0] : [await freePort(), await freePort()];
const t = useTestServer({ config: { mediaHookSecret: SECRET, mediaRtmpUrl: `rtmp://127.0.0.1:${rtmpPort}/live`, mediaHlsBase: `http://127.0.0.1:${hlsPort}/hls` } });

/** ffmpeg pushing a few seconds of test pattern; resolves with its exit code (bounded by -t and a kill). */
function push(url: string, seconds: number): Promise<number | null> {
  const child = spawn("ffmpeg", ["-hide_banner", "-loglevel", "error", "-re", "-f", "lavfi", "-i", "testsrc=size=160x120:rate=10", "-t", String(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g", "10", "-pix_fmt", "yuv420p", "-f", "flv", url], { stdio: "ignore" });
  const killer = setTimeout(() => child.kill("SIGKILL"), (seconds + 15) * 1000);
  return new Promise((resolve) => child.once("exit", (code, signal) => {
    clearTimeout(killer);
    resolve(signal ? -1 : code);
  }));
}

const waitFor = async (check: () => boolean, ms: number) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  return check();
};

describe.skipIf(missing.length > 0)("the relay's hls application", () => {
  let relay: MediaRelay;
  let prefix: string;
  beforeAll(async () => {
    prefix = mkdtempSync(path.join(os.tmpdir(), "tongxin-relay-"));
    relay = await startMediaRelay({ prefix, rtmpPort, hlsPort, hookBase: `${t.url}/api/media`, hookSecret: SECRET, hlsFragment: "1s", hlsPlaylistLength: "4s", updateEvery: "3s" });
  });
  afterAll(async () => {
    await relay?.stop();
    if (prefix) rmSync(prefix, { recursive: true, force: true });
  });

  const keyOf = async (sessionId: string) => (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).streamKey;

  it("refuses a local process publishing under a station's public name, and no HLS appears", async () => {
    const name = publicStreamName(await keyOf(t.world.shengze.sessionId));
    const started = Date.now();
    const code = await push(`rtmp://127.0.0.1:${rtmpPort}/hls/${name}`, 8);
    expect(code).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(7_000);
    expect(existsSync(path.join(relay.hlsDir, `${name}.m3u8`))).toBe(false);
    const row = await t.db.receptionSession.findUniqueOrThrow({ where: { id: t.world.shengze.sessionId } });
    expect(row.streamLive).toBe(false);
  });

  it("still takes the station's own encoder: its stream is pushed on and written as HLS under the public name", async () => {
    const key = await keyOf(t.world.lili.sessionId);
    const name = publicStreamName(key);
    const pushing = push(`${relay.rtmpUrl}/${key}`, 8);
    const playlist = path.join(relay.hlsDir, `${name}.m3u8`);
    expect(await waitFor(() => existsSync(playlist), 12_000), relay.errorLog()).toBe(true);
    expect(await pushing).toBe(0);
  });

  it("answers the hook itself: 403 for a name that is not a live station's, with or without the secret", async () => {
    const post = (name: string, secret = SECRET) =>
      fetch(`${t.url}/api/media/on-relay-publish?secret=${secret}`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `app=hls&name=${name}` });
    expect((await post(publicStreamName(await keyOf(t.world.shengze.sessionId)))).status).toBe(403);
    expect((await post("../../etc/passwd")).status).toBe(403);
    expect((await post(publicStreamName(await keyOf(t.world.shengze.sessionId)), "wrong")).status).toBe(403);
  });
});
