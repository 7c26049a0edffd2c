#!/usr/bin/env node
// Prints the shipped HAProxy config (deploy/haproxy.cfg.template, the one the
// tests run) for real machines, e.g.
//   node scripts/haproxy-config.mjs --bind :443 --cert /etc/haproxy/certs/tongxin.pem --http-port 80 127.0.0.1:3001
// Nodes are host:port; without --cert the bind is plain HTTP (behind another TLS proxy).
import { renderHaproxyConfig } from "./cluster-lib.mjs";

const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const bind = opt("--bind") ?? ":443";
const cert = opt("--cert");
const httpPort = Number(opt("--http-port") ?? 80);
if (!args.length || args.some((a) => !/^[^:\s]+:\d+$/.test(a))) {
  console.error("usage: node scripts/haproxy-config.mjs [--bind :443] [--cert file.pem] [--http-port 80] host:port [host:port …]");
  process.exit(2);
}
const nodes = args.map((a, i) => {
  const [host, port] = a.split(":");
  return { name: `n${i + 1}`, host, port: Number(port) };
});
process.stdout.write(renderHaproxyConfig({ bind, nodes, tls: cert ? { cert, httpPort } : null }));
