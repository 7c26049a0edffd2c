/**
 * The voter's address behind a reverse proxy. X-Forwarded-For is read only
 * when the direct peer is a proxy named in TRUST_PROXY, and then from the
 * right: each hop that is itself trusted is skipped, the first untrusted one
 * is the client (a voter cannot forge their way past the balancer by sending
 * their own X-Forwarded-For — the balancer appends the real peer after it).
 * Same rule as Express's `trust proxy` with a list, so HTTP (`req.ip`) and
 * Socket.IO agree.
 */
import { BlockList, isIP } from "node:net";
import type { IncomingHttpHeaders } from "node:http";

export type TrustCheck = (address: string) => boolean;

const plain = (address: string): string => (address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address);

/** `entries`: addresses or CIDR ranges, IPv4 or IPv6 ("127.0.0.1", "10.0.0.0/8", "::1"). */
export function trustCheck(entries: readonly string[]): TrustCheck {
  if (entries.length === 0) return () => false;
  const list = new BlockList();
  for (const raw of entries) {
    const [addr, bits] = raw.split("/") as [string, string | undefined];
    const family = isIP(addr);
    if (family === 0) throw new Error(`TRUST_PROXY: not an address: ${raw}`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return (address) => {
    const a = plain(address);
    const family = isIP(a);
    return family !== 0 && list.check(a, family === 4 ? "ipv4" : "ipv6");
  };
}

/** The client's address of a request (an HTTP request or a Socket.IO handshake's). */
export function clientAddress(req: { headers: IncomingHttpHeaders; socket: { remoteAddress?: string } }, trusted: TrustCheck): string {
  const peer = plain(req.socket.remoteAddress ?? "");
  if (!trusted(peer)) return peer;
  const header = req.headers["x-forwarded-for"];
  const hops = (Array.isArray(header) ? header.join(",") : (header ?? ""))
    .split(",")
    .map((h) => plain(h.trim()))
    .filter(Boolean);
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    if (isIP(hops[i]!) === 0) break;
    client = hops[i]!;
    if (!trusted(client)) break;
  }
  return client;
}

/**
 * The key rate limits count an address under. An IPv4-mapped IPv6 address
 * is its IPv4 address; an IPv6 address is its /64 network, because one home
 * or phone gets a whole /64 and could otherwise rotate through it.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return "unknown";
  const plain = address.replace(/%.*$/, "").toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(plain);
  if (mapped) return mapped[1]!;
  if (!plain.includes(":")) return plain;
  return `${groupsOf(plain).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, "::" expanded, leading zeros dropped. */
function groupsOf(v6: string): string[] {
  const [head = "", tail = ""] = v6.split("::");
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const groups = v6.includes("::") ? [...h, ...Array<string>(Math.max(0, 8 - h.length - t.length)).fill("0"), ...t] : h;
  return groups.map((g) => g.replace(/^0+(?=.)/, ""));
}
