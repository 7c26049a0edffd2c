/**
 * A browser's compressed messages are inflated each with an inflater of its
 * own, not one kept per socket. A browser that negotiated permessage-deflate
 * compresses everything it sends — for an idle viewer, only Engine.IO's pong
 * every 25 s — and ws keeps that socket's inflater (zlib's state and Node's
 * stream around it, ~12 KB) for the connection's life, only resetting it
 * between messages. We always ask for `client_no_context_takeover`
 * (transport/shared-deflate.ts), so no message depends on the one before and
 * the inflater can go once a message is whole: an idle Chrome viewer then
 * costs what a plain one does. The price is one new inflater per message the
 * client sends (~25 µs; at 10,000 viewers, ~400 pongs a second: ~1% of a core).
 */
import { createRequire } from "node:module";
import path from "node:path";

interface PerMessageDeflate {
  _isServer: boolean;
  params: Record<string, unknown> | null;
  _inflate: { close(): void } | null;
  _decompress(data: Buffer, fin: boolean, callback: (err: Error | null, result?: Buffer) => void): void;
}
const WRAPPED = Symbol.for("tongxin.inflatePerMessage");

/** Once per process, on the ws copy Engine.IO uses. */
export function installInflatePerMessage(): void {
  const fromEngine = createRequire(createRequire(import.meta.url).resolve("engine.io"));
  const wsDir = path.dirname(fromEngine.resolve("ws"));
  const proto = (fromEngine(path.join(wsDir, "lib", "permessage-deflate.js")) as { prototype: PerMessageDeflate & { [WRAPPED]?: true } }).prototype;
  if (proto[WRAPPED]) return;
  const decompress = proto._decompress;
  proto._decompress = function (data, fin, callback) {
    decompress.call(this, data, fin, (err, result) => {
      // On an error ws has closed the inflater itself.
      if (!err && fin && this._isServer && this.params?.client_no_context_takeover && this._inflate) {
        this._inflate.close();
        this._inflate = null;
      }
      callback(err, result);
    });
  };
  proto[WRAPPED] = true;
}
