import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./vite-plugins/precompress.ts";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.TONGXIN_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root: here("."),
  plugins: [react(), precompress()],
  resolve: {
    alias: {
      "@protocol": here("../server/src/protocol"),
      "@domain": here("../server/src/domain"),
    },
  },
  // No source maps in production builds: they double the download for no one and publish the source.
  build: { outDir: here("./dist"), emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      "/api": { target: apiTarget },
      "/healthz": { target: apiTarget },
      "/socket.io": { target: apiTarget, ws: true },
    },
  },
});
