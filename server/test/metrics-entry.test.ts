/**
 * /metrics is scraped on each node directly and never reachable through the
 * public entry, however the path is spelled: the shipped HAProxy config in
 * front of a real node, and the node's own rule for what a proxy forwarded.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haproxyBinary, startBalancer, type Balancer } from "./helpers/cluster.ts";
import { freePort } from "./helpers/server-process.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const haproxy = haproxyBinary() as string | null;
if (!haproxy) {
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error("haproxy is not installed: the metrics entry test is required here");
  console.warn("\n!!! haproxy is not installed: the metrics entry test through the balancer is SKIPPED !!!\n");
}

/** A GET with the path sent exactly as written (fetch would normalise `/./` and the case of escapes). */
function rawGet(port: number, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

const SPELLINGS = ["/metrics", "/METRICS", "/Metrics", "/metrics/", "//metrics", "/./metrics", "/%6detrics", "/%6Detrics", "/metrics?format=text", "/.//METRICS"];
const isMetrics = (body: string) => body.includes("tongxin_sockets");

const t = useTestServer({ config: { trustProxy: ["127.0.0.1"] }, world: false });
const port = () => Number(new URL(t.url).port);

describe("/metrics on the node itself", () => {
  it("is served at exactly /metrics to a direct caller", async () => {
    const res = await rawGet(port(), "/metrics");
    expect(res.status).toBe(200);
    expect(isMetrics(res.body)).toBe(true);
  });

  it("is not served under another spelling, nor to a request a trusted proxy forwarded", async () => {
    for (const path of SPELLINGS.filter((p) => p !== "/metrics" && p !== "/metrics?format=text")) {
      expect(isMetrics((await rawGet(port(), path)).body), path).toBe(false);
    }
    const forwarded = await rawGet(port(), "/metrics", { "x-forwarded-for": "203.0.113.9" });
    expect(forwarded.status).toBe(404);
    expect(isMetrics(forwarded.body)).toBe(false);
  });
});

describe.skipIf(!haproxy)("/metrics through the shipped balancer", () => {
  let balancer: Balancer;
  let balancerPort: number;
  beforeAll(async () => {
    balancerPort = await freePort();
    balancer = await startBalancer(balancerPort, [{ name: "n1", host: "127.0.0.1", port: port() }]);
  });
  afterAll(async () => {
    await balancer?.stop();
  });

  it.each(SPELLINGS)("%s answers 404 with no metrics", async (path) => {
    const res = await rawGet(balancerPort, path);
    expect(res.status).toBe(404);
    expect(isMetrics(res.body)).toBe(false);
  });

  it("still serves the app through the same entry", async () => {
    const res = await rawGet(balancerPort, "/healthz");
    expect(res.status).toBe(200);
  });
});
