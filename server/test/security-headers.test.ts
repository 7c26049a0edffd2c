/**
 * The headers every page gets: HSTS only over HTTPS (as a trusted proxy says
 * it was), a Permissions-Policy, and a CSP whose connect-src and media-src
 * name this site and the stream's origins, not any origin.
 */
import { describe, expect, it } from "vitest";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({
  world: false,
  config: { trustProxy: ["127.0.0.1"], mediaHlsBase: "https://media.station.example/hls", mediaOrigins: ["https://live.partner.example"] },
});

const directive = (csp: string, name: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  it("send HSTS only when the request came over HTTPS through a trusted proxy", async () => {
    const plain = await fetch(`${t.url}/healthz`);
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const viaTls = await fetch(`${t.url}/healthz`, { headers: { "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" } });
    expect(viaTls.headers.get("strict-transport-security")).toMatch(/^max-age=\d{7,}/);
  });

  it("keep the microphone and camera to this origin and turn off what the app never uses", async () => {
    const res = await fetch(`${t.url}/healthz`);
    const policy = res.headers.get("permissions-policy") ?? "";
    expect(policy).toContain("microphone=(self)");
    expect(policy).toContain("camera=(self)");
    expect(policy).toContain("geolocation=()");
  });

  it("let the page connect and play only to itself and the stream's origins", async () => {
    const res = await fetch(`${t.url}/healthz`);
    const csp = res.headers.get("content-security-policy") ?? "";
    const host = new URL(t.url).host;
    const connect = directive(csp, "connect-src").split(/\s+/);
    const media = directive(csp, "media-src").split(/\s+/);
    expect(connect).toEqual(expect.arrayContaining(["'self'", `ws://${host}`, `wss://${host}`, "https://media.station.example", "https://live.partner.example"]));
    expect(media).toEqual(expect.arrayContaining(["'self'", "blob:", "https://media.station.example", "https://live.partner.example"]));
    // Not any origin: no bare schemes.
    for (const bare of ["http:", "https:", "ws:", "wss:"]) {
      expect(connect).not.toContain(bare);
      expect(media).not.toContain(bare);
    }
  });

  it("do not echo a Host header that is not a plain host into the CSP", async () => {
    const { request } = await import("node:http");
    const csp = await new Promise<string>((resolve, reject) => {
      const port = Number(new URL(t.url).port);
      const req = request({ host: "127.0.0.1", port, path: "/healthz", headers: { host: "evil.example; script-src *" } }, (res) => {
        res.resume();
        resolve(String(res.headers["content-security-policy"] ?? ""));
      });
      req.on("error", reject);
      req.end();
    });
    expect(csp).not.toContain("evil.example");
    expect(directive(csp, "script-src")).not.toContain("*");
  });
});
