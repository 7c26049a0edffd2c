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
