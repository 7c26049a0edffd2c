/** /healthz, /readyz and /metrics of one node (the cluster file covers readyz under faults). */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sumFresh } from "../src/cluster/viewer-counts.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const PROMTOOL = existsSync("/usr/bin/promtool") ? "/usr/bin/promtool" : null;
if (!PROMTOOL) {
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error("promtool (Debian prometheus) is not installed: the metrics lint is required here");
  console.warn("\n!!! promtool is not installed: the Prometheus lint of /metrics is SKIPPED !!!\n");
}

describe("health and metrics", () => {
  const t = useTestServer();

  it("answers readyz 200 with the database reachable and no Redis configured", async () => {
    const res = await fetch(`${t.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: true, redis: true, draining: false });
  });

  it("exposes sockets, lane batches, acks by code and event-loop lag in Prometheus format", async () => {
    await t.joinVoters(["王一", "王二"]);
    const voter = await t.connect();
    await voter.emitWithAck("queue:join", { sessionId: "no-such-session", name: "x", topic: "t", isPublic: false });
    const res = await fetch(`${t.url}/metrics`);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^tongxin_acks_total\{event="queue:join",code="OK",node="[^"]+"\} 2$/m);
    expect(text).toMatch(/^tongxin_acks_total\{event="queue:join",code="(NOT_FOUND|BAD_REQUEST)",node="[^"]+"\} 1$/m);
    expect(text).toMatch(/^tongxin_sockets\{node="[^"]+"\} [1-9]/m);
    expect(text).toMatch(/^tongxin_write_lane_batch_size_count\{node="[^"]+"\} [1-9]/m);
    expect(text).toMatch(/^tongxin_write_lane_commit_seconds_bucket/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds/m);
    // no personal data in labels
    expect(text).not.toContain("王一");
  });

  it.skipIf(!PROMTOOL)("passes Prometheus' own lint (promtool check metrics)", async () => {
    await t.joinVoters(["王三"]);
    const text = await (await fetch(`${t.url}/metrics`)).text();
    const lint = spawnSync(PROMTOOL!, ["check", "metrics"], { input: text, encoding: "utf8" });
    // Our own series only: prom-client's default nodejs_active_*_total gauges draw a warning we do not own.
    const ours = (lint.stdout + lint.stderr).split("\n").filter((line) => line.startsWith("tongxin_"));
    expect(ours).toEqual([]);
    expect(text).toMatch(/^tongxin_write_lane_commit_seconds_count\{node="[^"]+"\} [1-9]/m);
    // In seconds, not milliseconds: a handful of SQLite commits take far less than one second.
    const sum = Number(/^tongxin_write_lane_commit_seconds_sum\{node="[^"]+"\} (\S+)$/m.exec(text)?.[1]);
    expect(sum).toBeGreaterThan(0);
    expect(sum).toBeLessThan(1);
  });

  it("does not turn an unknown event name into a label", async () => {
    const s = await t.connect();
    await s.timeout(300).emitWithAck("made:up" as "queue:join", {} as never).catch(() => undefined);
    expect(await (await fetch(`${t.url}/metrics`)).text()).not.toContain("made:up");
  });
});

describe("cluster viewer counts", () => {
  it("sums the nodes' fresh counts and leaves out a node that stopped refreshing", () => {
    expect(sumFresh({ n1: "3:2000", n2: "4:2000", dead: "9:999" }, 1000)).toBe(7);
    expect(sumFresh({}, 1000)).toBe(0);
  });
});
