import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./vite-plugins/precompress.ts";
import { routePages } from "./vite-plugins/route-pages.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.TONGXIN_API ?? "http://127.0.0.1:3000";

/** The live socket and what only it uses: the voter, booking, hall and desk pages load it, the tracking page does not. */
const LIVE_MODULES = /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io)[\\/]|client[\\/]src[\\/](socket\.ts|stores[\\/]|hooks[\\/]useWatchedSession)/;
/**
 * What the voter's page needs besides the live socket (its features, the shared components and
 * helpers, the forum parts it shows, the QR encoder). A group takes every module its test
 * matches, used by the voter page or not, hence the forum's files by name.
 */
const VOTER_MODULES =
  /node_modules[\\/](qrcode|dijkstrajs|pngjs)[\\/]|client[\\/]src[\\/](components|lib|hooks|features[\\/](voter|call|booking|privacy)|features[\\/]forum[\\/](AgendaItemSelect|AgendaList|ForumClock|ForumProgress|SpeakerCountdown|forum-api|forum-logic|useInviteFromLink)\.)/;

export default defineConfig({
  root: here("."),
  plugins: [react(), routePages(), precompress()],
  resolve: {
    alias: {
      "@protocol": here("../server/src/protocol"),
      "@domain": here("../server/src/domain"),
    },
  },
  // No source maps in production builds: they double the download for no one and publish the source.
  build: {
    outDir: here("./dist"),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 800,
    // Few, larger chunks for the voter's page: a phone on 3G (HTTP/1.1, six
    // connections, ~560 ms a round trip) pays a round trip per six files, so its
    // ~25 small shared chunks are gathered into two (docs/ARCHITECTURE.md
    // "Serving the client"). What the first download needs is one more.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "app", tags: ["$initial"], priority: 3 },
            { name: "live", test: LIVE_MODULES, priority: 2 },
            { name: "voter", test: VOTER_MODULES, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      "/api": { target: apiTarget },
      "/healthz": { target: apiTarget },
      "/socket.io": { target: apiTarget, ws: true },
    },
  },
});
