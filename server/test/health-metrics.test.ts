/** /healthz, /readyz and /metrics of one node (the cluster file covers readyz under faults). */
import { describe, expect, it } from "vitest";
import { sumFresh } from "../src/cluster/viewer-counts.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

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
    expect(text).toMatch(/^tongxin_write_lane_commit_ms_bucket/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_p99_seconds/m);
    // no personal data in labels
    expect(text).not.toContain("王一");
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
