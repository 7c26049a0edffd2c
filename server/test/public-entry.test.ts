/**
 * The public entry (the shipped HAProxy config in front of a real node):
 * /metrics is scraped on each node directly and never reachable through it,
 * however the path is spelled (the balancer's rule, and the node's own rule
 * for what a proxy forwarded); the sticky cookie is SameSite, and Secure
 * whenever the entry terminates TLS.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haproxyBinary, renderBalancerConfig, startBalancer, type Balancer } from "./helpers/cluster.ts";
import { freePort } from "./helpers/server-process.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const haproxy = haproxyBinary() as string | null;
if (!haproxy) {
  if (process.env.MULTI_NODE_REQUIRED === "1") throw new Error("haproxy is not installed: the metrics entry test is required here");
  console.warn("\n!!! haproxy is not installed: the metrics entry test through the balancer is SKIPPED !!!\n");
}

/** A GET with the path sent exactly as written (fetch would normalise `/./` and the case of escapes). */
function rawGet(
  port: number,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; cookies: string[]; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, cookies: res.headers["set-cookie"] ?? [], headers: res.headers }));
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

describe.skipIf(!haproxy)("the shipped balancer", () => {
  let balancer: Balancer;
  let balancerPort: number;
  beforeAll(async () => {
    balancerPort = await freePort();
    balancer = await startBalancer(balancerPort, [{ name: "n1", host: "127.0.0.1", port: port() }]);
  });
  afterAll(async () => {
    await balancer?.stop();
  });

  it.each(SPELLINGS)("%s answers 404 with no metrics through it", async (path) => {
    const res = await rawGet(balancerPort, path);
    expect(res.status).toBe(404);
    expect(isMetrics(res.body)).toBe(false);
  });

  it("still serves the app through the same entry, with a sticky cookie that is HttpOnly and SameSite", async () => {
    const res = await rawGet(balancerPort, "/healthz");
    expect(res.status).toBe(200);
    const sticky = res.cookies.find((c) => c.startsWith("TXNODE="));
    expect(sticky).toMatch(/;\s*HttpOnly/i);
    expect(sticky).toMatch(/;\s*SameSite=Lax/i);
    // Plain HTTP here: a Secure cookie would never come back to the balancer.
    expect(sticky).not.toMatch(/;\s*Secure/i);
  });

  it("sends no HSTS over plain HTTP, even when the client itself claims https (the balancer overwrites X-Forwarded-Proto)", async () => {
    const res = await rawGet(balancerPort, "/healthz", { "x-forwarded-proto": "https" });
    expect(res.status).toBe(200);
    expect(res.headers["strict-transport-security"]).toBeUndefined();
  });

  it("a TLS entry's config makes the sticky cookie Secure, and haproxy accepts it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "tongxin-tls-"));
    try {
      const key = path.join(dir, "key.pem");
      const cert = path.join(dir, "cert.pem");
      execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert], { stdio: "ignore" });
      const pem = path.join(dir, "tongxin.pem");
      writeFileSync(pem, readFileSync(cert, "utf8") + readFileSync(key, "utf8"));
      const config = renderBalancerConfig(`127.0.0.1:8443 ssl crt ${pem}`, [{ name: "n1", host: "127.0.0.1", port: port() }]);
      expect(config).toMatch(/^\s*cookie TXNODE .*\bsecure\b.*SameSite=Lax/m);
      const file = path.join(dir, "haproxy.cfg");
      writeFileSync(file, config);
      const check = spawnSync(haproxy!, ["-c", "-f", file], { encoding: "utf8" });
      expect(check.status, check.stdout + check.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
