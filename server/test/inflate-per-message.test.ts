/**
 * A client that compresses what it sends, as a browser does, leaves no
 * inflater behind between messages (transport/inflate-per-message.ts), and
 * each of its messages still arrives whole.
 */
import WebSocket from "ws";
import { describe, expect, it } from "vitest";
import { useTestServer } from "./helpers/use-test-server.ts";

interface EngineClients {
  clients: Record<string, { transport: { socket?: { _extensions?: Record<string, { _inflate: unknown; params: Record<string, unknown> } | undefined> } } }>;
}

/** An Engine.IO/Socket.IO client over ws that compresses every message it sends (threshold 0), as Chrome does. */
async function compressingClient(url: string) {
  const ws = new WebSocket(`${url.replace("http", "ws")}/socket.io/?EIO=4&transport=websocket`, { perMessageDeflate: { threshold: 0 } });
  const inbox: string[] = [];
  const waiters: Array<() => void> = [];
  ws.on("message", (data) => {
    const text = String(data);
    if (text === "2") return ws.send("3"); // Engine.IO ping → pong
    inbox.push(text);
    for (const w of waiters.splice(0)) w();
  });
  const next = async (prefix: string): Promise<string> => {
    for (let i = 0; i < 50; i++) {
      const at = inbox.findIndex((m) => m.startsWith(prefix));
      if (at >= 0) return inbox.splice(at, 1)[0]!;
      await new Promise<void>((r) => {
        waiters.push(r);
        setTimeout(r, 100);
      });
    }
    throw new Error(`no message starting with ${prefix}`);
  };
  await next("0{"); // Engine.IO open
  ws.send("40");
  await next("40");
  return { ws, next };
}

describe("a client that compresses everything it sends", () => {
  const t = useTestServer({ world: false });

  it("is answered for each message, and the server keeps no inflater for it in between", async () => {
    const c = await compressingClient(t.url);
    try {
      const engine = t.server.app.io.engine as unknown as EngineClients;
      const [client] = Object.values(engine.clients);
      const deflate = client!.transport.socket!._extensions!["permessage-deflate"]!;
      expect(deflate.params.client_no_context_takeover).toBe(true);

      for (const ackId of [1, 2]) {
        c.ws.send(`42${ackId}["session:watch",{"sessionId":"no-such-session-${ackId}"}]`);
        const ack = JSON.parse((await c.next(`43${ackId}`)).slice(`43${ackId}`.length)) as [{ ok: boolean; error?: { code: string } }];
        expect(ack[0]).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
        expect(deflate._inflate).toBeNull();
      }
    } finally {
      c.ws.close();
    }
  });
});
