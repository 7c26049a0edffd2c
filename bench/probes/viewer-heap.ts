/**
 * Where an idle viewer's memory goes: two heap snapshots of the server, before
 * and with N light viewers watching, compared by constructor (self size only,
 * so nothing is counted twice). Prints the largest growths per viewer.
 *
 *   npx tsx bench/probes/viewer-heap.ts [viewers=2000] [rows=30] [plain|ws|chrome]
 *
 * The viewers' WebSocket as in viewer-memory.ts: no compression (default),
 * permessage-deflate as Node's ws offers it, or as Chrome uses it (every
 * message it sends compressed).
 */
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { createBenchDb, TMP_DIR } from "../lib/bench-db.ts";
import { sleep } from "../lib/clock.ts";
import { startTongxin } from "../lib/servers.ts";
import { ViewerFleet } from "../lib/viewer-fleet.ts";

const n = Number(process.argv[2] ?? 2000);
const rows = Number(process.argv[3] ?? 30);
const mode = ({ plain: false, ws: true, chrome: "all" } as const)[process.argv[4] ?? "plain"];
if (mode === undefined) throw new Error("mode: plain, ws or chrome");

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

/** Bytes and counts by "type:name" (the constructor for objects, the kind for the rest). */
function bySelfSize(file: string): Map<string, { bytes: number; count: number }> {
  const snap = JSON.parse(readFileSync(file, "utf8")) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((f) => fields.indexOf(f));
  const out = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt!]!]!;
    const name = type === "object" || type === "closure" ? snap.strings[snap.nodes[i + nameAt!]!]! : "";
    const key = `${type}:${name.slice(0, 60)}`;
    const entry = out.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += snap.nodes[i + sizeAt!]!;
    entry.count += 1;
    out.set(key, entry);
  }
  return out;
}

const fleet = new ViewerFleet(4);
const db = await createBenchDb("viewer-heap");
const server = await startTongxin(db);
const files = [path.join(TMP_DIR, "viewer-heap-before.heapsnapshot"), path.join(TMP_DIR, "viewer-heap-with.heapsnapshot")];
try {
  await fleet.connectTongxinLight(server.url, db.sessionId, 50, mode); // warm the watch path
  await fleet.closeAll();
  await sleep(500);
  await server.child.request("gc");
  await server.child.request("heapSnapshot", { file: files[0] }, 300_000);
  const c = await fleet.connectTongxinLight(server.url, db.sessionId, n, mode);
  await sleep(1500);
  await server.child.request("gc");
  await server.child.request("heapSnapshot", { file: files[1] }, 300_000);
  const [before, after] = files.map(bySelfSize);
  const growth = [...after!.entries()]
    .map(([key, a]) => {
      const b = before!.get(key) ?? { bytes: 0, count: 0 };
      return { key, bytes: (a.bytes - b.bytes) / c.connected, count: (a.count - b.count) / c.connected };
    })
    .sort((x, y) => y.bytes - x.bytes);
  const total = growth.reduce((sum, g) => sum + g.bytes, 0);
  console.log(`${c.connected} viewers: ${(total / 1024).toFixed(1)} KB of heap per viewer (self sizes)`);
  console.log("| what | bytes per viewer | objects per viewer |\n|---|---:|---:|");
  for (const g of growth.slice(0, rows)) console.log(`| ${g.key} | ${g.bytes.toFixed(0)} | ${g.count.toFixed(2)} |`);
} finally {
  await fleet.closeAll();
  await server.child.stop();
  await Promise.all(fleet.workers.map((w) => w.stop()));
  for (const f of files) rmSync(f, { force: true });
}
