/**
 * A join-storm process. Its voters already have the page open — each is its
 * own Socket.IO connection, made before the storm — and when the storm
 * starts they press "join" as fast as they can: `lanes` joins in flight at
 * any time, each voter doing exactly one `queue:join` (with a requestId, as
 * the client sends it). Only emit → ack is the join's latency; connecting
 * is measured separately.
 */
import { randomUUID } from "node:crypto";
import { io as ioClient, type Socket } from "socket.io-client";
import type { Ack } from "../../server/src/protocol/errors.ts";
import type { TicketView } from "../../server/src/protocol/model.ts";
import { nowMs } from "../lib/clock.ts";
import { exitOnSigterm, serveRequests } from "../lib/child.ts";
import { pool } from "../lib/pool.ts";

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const TOPICS = ["停车难", "加装电梯", "老旧小区改造", "垃圾分类", "公交线路", "菜场管理", "学区划分", "河道整治"];

type JoinAck = Ack<{ ticket: TicketView; voterToken: string }>;

function connect(url: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = ioClient(url, { transports: ["websocket"], reconnection: false, forceNew: true, timeout: 60_000 });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

function payload(sessionId: string, n: number) {
  return {
    sessionId,
    name: `${SURNAMES[n % SURNAMES.length]}${"晓建国秀英"[n % 5]}${"明华芳"[n % 3]}`,
    phone: n % 3 === 0 ? undefined : `139${String(10_000_000 + n).slice(-8)}`,
    topic: TOPICS[n % TOPICS.length]!,
    question: `小区门口${n % 7}号路段早晚高峰停车位不够，能否协调增加临时停车位？`,
    isPublic: n % 2 === 0,
    requestId: randomUUID(),
  };
}

let plan: { sessionId: string; lanes: number; first: number } | null = null;
let voters: Socket[] = [];

exitOnSigterm();
serveRequests({
  /** Connects this process's voters (`joins` of them), a few at a time. */
  prepare: async (m) => {
    plan = { sessionId: m.sessionId as string, lanes: m.lanes as number, first: m.first as number };
    const connectMs: number[] = [];
    const sockets: Socket[] = [];
    await pool(m.joins as number, 25, async () => {
      const t0 = nowMs();
      sockets.push(await connect(m.url as string));
      connectMs.push(nowMs() - t0);
    });
    voters = sockets;
    return { connectMs };
  },
  go: async () => {
    const p = plan!;
    const latencies: number[] = [];
    const acked: Array<[string, string]> = [];
    const errors = new Map<string, number>();
    let firstEmit = Infinity;
    let lastAck = 0;
    await pool(voters.length, p.lanes, async (i) => {
      const t0 = nowMs();
      firstEmit = Math.min(firstEmit, t0);
      const res = await new Promise<JoinAck | Error>((resolve) =>
        voters[i]!.timeout(60_000).emit("queue:join", payload(p.sessionId, p.first + i), (err: Error | null, r: JoinAck) => resolve(err ?? r)),
      );
      const t1 = nowMs();
      lastAck = Math.max(lastAck, t1);
      if (res instanceof Error) errors.set("ack timeout", (errors.get("ack timeout") ?? 0) + 1);
      else if (!res.ok) errors.set(res.error.code, (errors.get(res.error.code) ?? 0) + 1);
      else {
        latencies.push(t1 - t0);
        acked.push([res.data.ticket.id, res.data.ticket.label]);
      }
    });
    return { latencies, acked, errors: [...errors.entries()], firstEmit, lastAck };
  },
  closeAll: async () => {
    for (const s of voters.splice(0)) s.disconnect();
    return {};
  },
});
