/**
 * Server memory per idle viewer by what the viewer's WebSocket negotiated:
 * nothing (plain), permessage-deflate as Node's ws offers it (the server never
 * compresses per socket, so nothing is kept per socket beyond the extension's
 * parameters), and "as Chrome": the extension on and every message the client
 * sends compressed, so the server keeps one inflater per socket (its window is
 * the 1 KB the server asks for: transport/shared-deflate.ts). Each mode on a
 * fresh server; light viewers from 4 processes. RSS after a forced GC, with the
 * viewers watching, minus before, over N.
 *
 *   npx tsx bench/probes/viewer-memory.ts [viewers=2000]
 */
import { createBenchDb } from "../lib/bench-db.ts";
import { rssKb } from "../lib/child.ts";
import { sleep } from "../lib/clock.ts";
import { startTongxin } from "../lib/servers.ts";
import { ViewerFleet } from "../lib/viewer-fleet.ts";

const n = Number(process.argv[2] ?? 2000);
const fleet = new ViewerFleet(4);
try {
  for (const [label, mode] of [["plain", false], ["deflate, as Node's ws", true], ["deflate, as Chrome", "all"]] as const) {
    const db = await createBenchDb(`memory-${String(mode)}`);
    const server = await startTongxin(db);
    try {
      await fleet.connectTongxinLight(server.url, db.sessionId, 50, mode); // warm the watch path
      await fleet.closeAll();
      await sleep(500);
      await server.child.request("gc");
      const before = await rssKb(server.child.pid);
      const c = await fleet.connectTongxinLight(server.url, db.sessionId, n, mode);
      await sleep(1500);
      await server.child.request("gc");
      const after = await rssKb(server.child.pid);
      console.log(`${label.padEnd(24)} ${c.connected} viewers: ${((after - before) / c.connected).toFixed(1)} KB RSS per viewer (${before} → ${after} KB)`);
      await fleet.closeAll();
    } finally {
      await server.child.stop();
    }
  }
} finally {
  await Promise.all(fleet.workers.map((w) => w.stop()));
}
