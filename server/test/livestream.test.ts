/**
 * Livestream (docs/ARCHITECTURE.md §5c) over real HTTP and sockets: staff read
 * the stream settings, the key never reaches viewers, and nginx-rtmp's hooks
 * (urlencoded forms, as nginx sends them) accept only a live session's key
 * and flip `streamLive` through the session log.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LiveEvent, StreamSettings } from "../src/protocol/model.ts";
import { buildWorld, openSession, type World } from "./helpers/fixtures.ts";
import { connectClient, ok, startTestServer, type TestServer } from "./helpers/test-server.ts";
import { watch } from "./helpers/watcher.ts";

const HOOK_SECRET = "hook-secret-for-tests";
let server: TestServer;
let world: World;

async function api(path: string, init: { method?: string; token?: string; form?: Record<string, string> } = {}) {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.form) headers["content-type"] = "application/x-www-form-urlencoded";
  const res = await fetch(server.url + path, {
    method: init.method ?? (init.form ? "POST" : "GET"),
    headers,
    body: init.form ? new URLSearchParams(init.form).toString() : undefined,
    redirect: "manual",
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

/** The form nginx-rtmp posts for `call=publish` (see ngx_rtmp_notify_module.c). */
const nginxForm = (call: string, name: string) => ({
  app: "live",
  flashver: "FMLE/3.0 (compatible; Lavf59.27",
  swfurl: "",
  tcurl: "rtmp://127.0.0.1:1935/live",
  pageurl: "",
  addr: "127.0.0.1",
  clientid: "7",
  call,
  name,
  type: "live",
});
const hook = (which: "on-publish" | "on-publish-done" | "on-update", name: string, query = `?secret=${HOOK_SECRET}`) =>
  api(`/api/media/${which}${query}`, { form: nginxForm(which === "on-publish" ? "publish" : which === "on-update" ? "update_publish" : "publish_done", name) });

const settingsOf = async (sessionId: string, token = world.tokens.staffShengze) => (await api(`/api/sessions/${sessionId}/stream`, { token })).body as unknown as StreamSettings;

beforeAll(async () => {
  server = await startTestServer({ config: { mediaHookSecret: HOOK_SECRET, mediaRtmpUrl: "rtmp://media.test/live", mediaHlsBase: "https://media.test/hls" } });
  world = await buildWorld(server.db);
});
afterAll(async () => server.stop());

describe("stream settings", () => {
  it("staff of the venue read the RTMP URL, the key, the HLS URL and the live state", async () => {
    const res = await api(`/api/sessions/${world.shengze.sessionId}/stream`, { token: world.tokens.staffShengze });
    expect(res.status).toBe(200);
    const row = await server.db.receptionSession.findUniqueOrThrow({ where: { id: world.shengze.sessionId } });
    expect(res.body).toEqual({ rtmpUrl: "rtmp://media.test/live", streamKey: row.streamKey, hlsUrl: expect.stringMatching(/^https:\/\/media\.test\/hls\/s[0-9a-f]{32}\.m3u8$/), live: false });
    expect(String(res.body!.hlsUrl)).not.toContain(row.streamKey);
    expect((await api(`/api/sessions/${world.shengze.sessionId}/stream`, { token: world.tokens.deputyShengze })).status).toBe(200);
    expect((await api(`/api/sessions/${world.shengze.sessionId}/stream`, { token: world.tokens.admin })).status).toBe(200);
  });

  it("nobody else reads them: 401 without a login, 403 for another town's staff", async () => {
    const anonymous = await api(`/api/sessions/${world.shengze.sessionId}/stream`);
    expect(anonymous.status).toBe(401);
    const otherTown = await api(`/api/sessions/${world.shengze.sessionId}/stream`, { token: world.tokens.staffLili });
    expect(otherTown.status).toBe(403);
    const key = (await settingsOf(world.shengze.sessionId)).streamKey;
    expect(anonymous.text + otherTown.text).not.toContain(key);
    expect((await api(`/api/sessions/nope/stream`, { token: world.tokens.admin })).status).toBe(404);
  });

  it("every session has its own key and its own HLS name", async () => {
    const a = await settingsOf(world.shengze.sessionId);
    const b = await settingsOf(world.lili.sessionId, world.tokens.staffLili);
    expect(a.streamKey).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(a.streamKey).not.toBe(b.streamKey);
    expect(a.hlsUrl).not.toBe(b.hlsUrl);
  });

  it("the key is in no public projection: GET /api/sessions/:id, the list, a public session:watch and its events", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const { streamKey } = await settingsOf(sessionId);
    const one = await api(`/api/sessions/${sessionId}`);
    expect(one.status).toBe(200);
    expect(one.text).not.toContain(streamKey);
    expect(one.body!.session).toMatchObject({ streamLive: false, hlsUrl: expect.stringMatching(/^https:\/\/media\.test\/hls\//) });
    expect(one.body!.session).not.toHaveProperty("streamKey");
    expect((await api(`/api/sessions`)).text).not.toContain(streamKey);

    const viewer = await connectClient(server.url);
    const frames: string[] = [];
    viewer.on("session:events", (events) => frames.push(JSON.stringify(events)));
    const watcher = await watch(viewer, sessionId);
    expect(JSON.stringify(watcher.snapshot)).not.toContain(streamKey);
    expect(watcher.snapshot.session.hlsUrl).toBe(one.body!.session && (one.body!.session as { hlsUrl: string }).hlsUrl);

    // A staff change sends session.updated: the public frame must not carry the key either.
    const staff = await connectClient(server.url, { token: world.tokens.staffShengze });
    const updated = await ok(staff, "session:update", { sessionId, theme: "直播测试" });
    expect(JSON.stringify(updated)).toContain(streamKey); // the staff's own answer has it
    expect((await hook("on-publish", streamKey)).status).toBe(200);
    await watcher.waitFor((e) => e.type === "stream.started");
    expect(frames.join("")).toContain("直播测试");
    expect(frames.join("")).not.toContain(streamKey);

    // A reconnecting viewer's replay carries none of it either.
    const replay = await ok(viewer, "session:watch", { sessionId, sinceSeq: watcher.snapshot.seq });
    expect(JSON.stringify(replay)).toContain("stream.started");
    expect(JSON.stringify(replay)).not.toContain(streamKey);

    // Staff watching see the key in their projection.
    const staffWatch = await watch(staff, sessionId);
    expect(staffWatch.snapshot.session.streamKey).toBe(streamKey);
    viewer.close();
    staff.close();
  });
});

describe("nginx-rtmp hooks", () => {
  it("a valid key is accepted, the session goes live, and viewers get stream.started with the next seq", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId, { status: "LIVE" });
    const { streamKey, hlsUrl } = await settingsOf(sessionId);
    const viewer = await connectClient(server.url);
    const watcher = await watch(viewer, sessionId);

    const res = await hook("on-publish", streamKey);
    expect(res.status).toBe(200);
    const started = await watcher.waitFor((e) => e.type === "stream.started");
    expect(started).toMatchObject({ seq: watcher.snapshot.seq + 1, type: "stream.started", data: { live: true, hlsUrl } });
    expect((await api(`/api/sessions/${sessionId}`)).body!.session).toMatchObject({ streamLive: true, hlsUrl });
    expect((await settingsOf(sessionId)).live).toBe(true);

    const done = await hook("on-publish-done", streamKey);
    expect(done.status).toBe(200);
    const stopped = await watcher.waitFor((e) => e.type === "stream.stopped");
    expect(stopped).toMatchObject({ seq: watcher.snapshot.seq + 2, data: { live: false, reason: "publisher" } });
    expect((await api(`/api/sessions/${sessionId}`)).body!.session).toMatchObject({ streamLive: false });
    expect(watcher.seqs()).toEqual([watcher.snapshot.seq + 1, watcher.snapshot.seq + 2]);
    viewer.close();
  });

  it("with ?rename=1 (the shipped nginx.conf) a valid key is answered 302 to the public stream name", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const { streamKey, hlsUrl } = await settingsOf(sessionId);
    const res = await hook("on-publish", streamKey, `?rename=1&secret=${HOOK_SECRET}`);
    expect(res.status).toBe(302);
    const name = res.headers.get("location")!;
    expect(name).toMatch(/^s[0-9a-f]{32}$/);
    expect(hlsUrl).toBe(`https://media.test/hls/${name}.m3u8`);
    expect(name).not.toContain(streamKey);
  });

  it("an unknown key, a scheduled or an ended session's key, and a missing name are refused with 403 and change nothing", async () => {
    const scheduled = await openSession(server.db, world.shengze.venueId, { status: "SCHEDULED", queueOpen: false });
    const ended = await openSession(server.db, world.shengze.venueId);
    await server.db.receptionSession.update({ where: { id: ended }, data: { status: "ENDED" } });
    for (const name of ["not-a-key", (await settingsOf(scheduled)).streamKey, (await settingsOf(ended)).streamKey, ""]) {
      expect((await hook("on-publish", name)).status).toBe(403);
      expect((await hook("on-update", name)).status).toBe(403);
    }
    const rows = await server.db.receptionSession.findMany({ where: { id: { in: [scheduled, ended] } } });
    expect(rows.map((r) => [r.streamLive, r.lastSeq])).toEqual([[false, 0], [false, 0]]);
  });

  it("a wrong or missing hook secret is refused with 403, even with a valid key", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const { streamKey } = await settingsOf(sessionId);
    expect((await hook("on-publish", streamKey, "?secret=wrong")).status).toBe(403);
    expect((await hook("on-publish", streamKey, "")).status).toBe(403);
    expect((await hook("on-publish-done", streamKey, "?secret=")).status).toBe(403);
    expect((await server.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).streamLive).toBe(false);
  });

  it("ending the session stops the stream, and the relay's next on_update is refused", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const { streamKey } = await settingsOf(sessionId);
    expect((await hook("on-publish", streamKey)).status).toBe(200);
    const staff = await connectClient(server.url, { token: world.tokens.staffShengze });
    const watcher = await watch(staff, sessionId);
    await ok(staff, "session:update", { sessionId, status: "ENDED" });
    const stopped = await watcher.waitFor((e) => e.type === "stream.stopped");
    expect(stopped).toMatchObject({ data: { live: false, reason: "session-ended" } });
    expect(watcher.events.map((e) => e.type)).toEqual(["session.updated", "stream.stopped"]);
    expect((await server.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId } })).streamLive).toBe(false);
    expect((await hook("on-update", streamKey)).status).toBe(403);
    expect((await hook("on-publish", streamKey)).status).toBe(403);
    staff.close();
  });

  it("a repeated on_publish is one stream.started, and on_update brings a cleared live flag back", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const { streamKey } = await settingsOf(sessionId);
    await hook("on-publish", streamKey);
    await hook("on-publish", streamKey);
    await hook("on-publish-done", streamKey);
    expect((await hook("on-update", streamKey)).status).toBe(200);
    const events = await server.db.sessionEvent.findMany({ where: { sessionId }, orderBy: { seq: "asc" } });
    expect(events.map((e) => [e.seq, e.type])).toEqual([[1, "stream.started"], [2, "stream.stopped"], [3, "stream.started"]]);
  });
});

describe("regenerating the key", () => {
  it("staff get a new key and HLS URL, the old key is refused, and the log records who did it", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const before = await settingsOf(sessionId);
    expect((await hook("on-publish", before.streamKey)).status).toBe(200);
    const viewer = await connectClient(server.url);
    const watcher = await watch(viewer, sessionId);

    const res = await api(`/api/sessions/${sessionId}/stream/key`, { method: "POST", token: world.tokens.staffShengze });
    expect(res.status).toBe(200);
    const after = res.body as unknown as StreamSettings;
    expect(after.streamKey).not.toBe(before.streamKey);
    expect(after.hlsUrl).not.toBe(before.hlsUrl);
    expect(after.live).toBe(false);
    expect(await settingsOf(sessionId)).toEqual(after);

    await watcher.waitFor((e) => e.type === "stream.stopped");
    const [updated, stopped] = watcher.events as [LiveEvent, LiveEvent];
    expect(updated).toMatchObject({ type: "session.updated", data: { hlsUrl: after.hlsUrl, streamLive: false } });
    expect(stopped).toMatchObject({ type: "stream.stopped", data: { reason: "key-regenerated", hlsUrl: after.hlsUrl } });
    expect(JSON.stringify(watcher.events)).not.toContain(after.streamKey);

    expect((await hook("on-update", before.streamKey)).status).toBe(403);
    expect((await hook("on-publish", before.streamKey)).status).toBe(403);
    expect((await hook("on-publish", after.streamKey)).status).toBe(200);

    const staffRow = await server.db.user.findUniqueOrThrow({ where: { username: "staff.shengze" } });
    const logged = await server.db.sessionEvent.findFirstOrThrow({ where: { sessionId, type: "stream.stopped" } });
    expect(logged.actorId).toBe(staffRow.id);
    viewer.close();
  });

  it("deputies, other towns and viewers cannot regenerate it", async () => {
    const sessionId = await openSession(server.db, world.shengze.venueId);
    const before = await settingsOf(sessionId);
    expect((await api(`/api/sessions/${sessionId}/stream/key`, { method: "POST" })).status).toBe(401);
    expect((await api(`/api/sessions/${sessionId}/stream/key`, { method: "POST", token: world.tokens.staffLili })).status).toBe(403);
    expect((await api(`/api/sessions/${sessionId}/stream/key`, { method: "POST", token: world.tokens.deputyShengze })).status).toBe(403);
    expect((await settingsOf(sessionId)).streamKey).toBe(before.streamKey);
  });
});
