import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const apiTarget = process.env.TONGXIN_API ?? "http://127.0.0.1:3000";

export default defineConfig({
  root: here("."),
  plugins: [react()],
  resolve: {
    alias: {
      "@protocol": here("../server/src/protocol"),
      "@domain": here("../server/src/domain"),
    },
  },
  build: { outDir: here("./dist"), emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 800 },
  server: {
    proxy: {
      "/api": { target: apiTarget },
      "/healthz": { target: apiTarget },
      "/socket.io": { target: apiTarget, ws: true },
    },
  },
});
