/**
 * `npm run media`: the media relay for development — nginx-rtmp with
 * media/nginx.conf, RTMP and HLS on the ports of MEDIA_RTMP_URL and
 * MEDIA_HLS_BASE (defaults rtmp://127.0.0.1:1935/live, http://127.0.0.1:8088/hls),
 * hooks pointing at Tongxin on PORT. Ctrl-C stops it.
 * MEDIA_LISTEN=0.0.0.0 lets encoders and phones on the LAN reach it.
 */
import path from "node:path";
import { readConfig } from "../server/src/config.ts";
import { mediaToolsAvailable, startMediaRelay } from "./relay.ts";

const config = readConfig();
const rtmp = new URL(config.mediaRtmpUrl);
const hls = new URL(config.mediaHlsBase ?? "http://127.0.0.1:8088/hls");
if (rtmp.pathname !== "/live") console.warn(`MEDIA_RTMP_URL should end in /live (media/nginx.conf's application); got ${rtmp.pathname}`);

const tools = mediaToolsAvailable();
if (!tools.nginx || !tools.rtmpModule) {
  console.error("nginx with the RTMP module is missing: apt-get install nginx libnginx-mod-rtmp");
  process.exit(1);
}

const hookHost = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
const relay = await startMediaRelay({
  prefix: path.resolve("data", "media"),
  rtmpPort: Number(rtmp.port || 1935),
  hlsPort: Number(hls.port || 80),
  hlsLocation: hls.pathname,
  listenHost: process.env.MEDIA_LISTEN || "127.0.0.1",
  hookBase: `http://${hookHost}:${config.port}/api/media`,
  hookSecret: config.mediaHookSecret,
});
console.log(`media relay: push RTMP to ${config.mediaRtmpUrl} (stream key from the hall console), HLS at ${config.mediaHlsBase}`);
console.log(`hooks → http://${hookHost}:${config.port}/api/media, files under data/media; Ctrl-C stops`);

let stopping = false;
void relay.exited.then((code) => {
  if (stopping) return;
  console.error(`nginx stopped (exit ${code}):\n${relay.errorLog().slice(-2000)}`);
  process.exit(1);
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void relay.stop().then(() => process.exit(0));
  });
}
