/**
 * An idle connection does not keep its HTTP upgrade request
 * (transport/socket/release-upgrade-request.ts): the request is collected once
 * the connection is up, and the connection still answers and closes as before.
 */
import type { IncomingMessage } from "node:http";
import v8 from "node:v8";
import vm from "node:vm";
import { io as ioClient } from "socket.io-client";
import { describe, expect, it } from "vitest";
import { call, type TestSocket } from "./helpers/test-server.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/** Whether the object is gone after a few full collections (a finished handshake's last promises settle in between). */
async function collected(ref: WeakRef<object>): Promise<boolean> {
  for (let i = 0; i < 10 && ref.deref(); i++) {
    await new Promise((r) => setTimeout(r, 20));
    gc();
  }
  return ref.deref() === undefined;
}

describe("an idle connection's upgrade request", () => {
  const t = useTestServer({ world: false });

  function nextUpgradeRequest(): Promise<WeakRef<IncomingMessage>> {
    return new Promise((resolve) => t.server.app.http.once("upgrade", (req: IncomingMessage) => resolve(new WeakRef(req))));
  }

  it("is let go by a WebSocket that connected directly, which still answers and closes", async () => {
    const upgraded = nextUpgradeRequest();
    const socket = await t.connect();
    expect(await collected(await upgraded)).toBe(true);

    // Still a working connection: the contract's answer to a bad session id.
    const res = await call(socket, "session:watch", { sessionId: "no-such-session" });
    expect(res.ok).toBe(false);
    expect(res.ok ? null : res.error.code).toBe("NOT_FOUND");
    expect(t.server.app.io.engine.clientsCount).toBe(1);
    socket.disconnect();
    await expect.poll(() => t.server.app.io.engine.clientsCount).toBe(0);
  });

  it("is let go after an upgrade from long-polling", async () => {
    const upgraded = nextUpgradeRequest();
    const socket: TestSocket = ioClient(t.url, { transports: ["polling", "websocket"], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve) => socket.io.engine.once("upgrade", () => resolve()));
      expect(await collected(await upgraded)).toBe(true);
      const res = await call(socket, "session:watch", { sessionId: "no-such-session" });
      expect(res.ok ? null : res.error.code).toBe("NOT_FOUND");
    } finally {
      socket.disconnect();
    }
  });
});
