// Shared by `npm run cluster` (scripts/cluster.mjs) and the cluster fault tests
// (server/test/helpers/cluster.ts): the balancer config and its process.
import { spawn, execFileSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const TEMPLATE = new URL("../deploy/haproxy.cfg.template", import.meta.url);

/** The haproxy binary (Debian puts it in /usr/sbin, often not on a user's PATH), or null. */
export function haproxyBinary() {
  if (process.env.HAPROXY && existsSync(process.env.HAPROXY)) return process.env.HAPROXY;
  for (const p of ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy", "/usr/bin/haproxy"]) if (existsSync(p)) return p;
  try {
    return execFileSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).trim() || null;
  } catch {
    return null;
  }
}

/**
 * `nodes`: [{ name, host, port }]. `tls`: { cert, httpPort } — `bind` becomes
 * HTTPS with `cert` (a PEM holding the certificate chain and its key), and
 * `httpPort` on the same host answers every plain-HTTP request with a 301 to
 * the same path over HTTPS (port 443 is left out of the address).
 */
export function renderHaproxyConfig({ bind, nodes, tls = null }) {
  const servers = nodes.map((n) => `    server ${n.name} ${n.host}:${n.port} check cookie ${n.name}`).join("\n");
  let binds = bind;
  let redirect = "";
  if (tls) {
    const host = bind.slice(0, bind.lastIndexOf(":"));
    const httpsPort = bind.slice(bind.lastIndexOf(":") + 1);
    binds = `${bind} ssl crt ${tls.cert} alpn h2,http/1.1\n    bind ${host}:${tls.httpPort}`;
    const port = httpsPort === "443" ? "" : `:${httpsPort}`;
    redirect = `    http-request redirect code 301 location https://%[req.hdr(host),field(1,:)]${port}%[capture.req.uri] unless { ssl_fc }`;
  }
  // A bind line with `ssl` terminates TLS: the sticky cookie is then Secure.
  const secure = /\sssl(\s|$)/.test(binds) ? " secure" : "";
  return readFileSync(TEMPLATE, "utf8")
    .replace("{{BIND}}", binds)
    .replace("{{REDIRECT}}", redirect)
    .replace("{{SERVERS}}", servers)
    .replaceAll("{{COOKIE_SECURE}}", secure);
}

/**
 * Starts haproxy in the foreground (-db) with a rendered config in a temp
 * directory (config, pid file); no system service is touched. Resolves once it listens.
 */
export async function startHaproxy({ host = "127.0.0.1", port, nodes, stdio = "inherit", tls = null }) {
  const bin = haproxyBinary();
  if (!bin) throw new Error("haproxy is not installed (apt-get install -y haproxy)");
  const dir = mkdtempSync(path.join(tmpdir(), "tongxin-haproxy-"));
  const cfg = path.join(dir, "haproxy.cfg");
  writeFileSync(cfg, renderHaproxyConfig({ bind: `${host}:${port}`, nodes, tls }));
  const child = spawn(bin, ["-db", "-f", cfg, "-p", path.join(dir, "haproxy.pid")], { stdio: ["ignore", stdio, stdio] });
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}`);
    try {
      // With TLS the plain port answers (a redirect) once haproxy listens on both.
      await fetch(`http://${host}:${tls ? tls.httpPort : port}/healthz`, { redirect: "manual" });
      break;
    } catch {
      if (Date.now() > deadline) throw new Error("haproxy did not start in 10 s");
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    child,
    dir,
    url: `${tls ? "https" : "http"}://${host}:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Waits until `url` answers 200 (or throws after `ms`). */
export async function waitReady(url, ms = 30_000, isAlive = () => true) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (!isAlive()) throw new Error(`${url}: process exited`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error(`${url} not ready after ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
