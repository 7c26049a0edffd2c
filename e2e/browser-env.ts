/**
 * What the browser tests need from the machine: a Chromium binary and a built
 * client. Kept apart from the fixtures so the global setup stays light.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

const CHROMIUM_CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/** The Chromium binary, or null (with a loud warning) — unless E2E_REQUIRED=1, then it throws. */
export function findChromium(): string | null {
  const found = CHROMIUM_CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
  if (found) return found;
  const message = "No Chromium found (looked for $CHROMIUM_PATH, /usr/bin/chromium, /usr/bin/chromium-browser). Install it with `apt-get install -y chromium fonts-noto-cjk`.";
  if (process.env.E2E_REQUIRED === "1") throw new Error(`E2E_REQUIRED=1: ${message}`);
  const bar = "!".repeat(78);
  console.warn(`\n${bar}\n!! BROWSER TESTS SKIPPED\n!! ${message}\n${bar}\n`);
  return null;
}

export const CHROMIUM = findChromium();

/**
 * Headless Debian Chromium as these machines run it: without the networking
 * flags it keeps trying hosts this closed network refuses; autoplay so the
 * hall's chime and a call's audio play without a click.
 */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-quic",
  "--no-first-run",
  "--disable-component-update",
  "--disable-sync",
  "--autoplay-policy=no-user-gesture-required",
] as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Set by the global setup once it has built the client for this run. */
export const BUILT_FLAG = "TONGXIN_E2E_CLIENT_BUILT";
/** Set by the global setup: a database file with the demo data, for each test file to copy. */
export const SEEDED_DB = "TONGXIN_E2E_SEEDED_DB";

/** Builds the client when client/dist is missing or older than its sources (or the protocol it imports). */
export function ensureClientBuilt(): void {
  if (process.env[BUILT_FLAG] === "1") return;
  const index = path.join(ROOT, "client", "dist", "index.html");
  const sources = Math.max(
    newestMtime(path.join(ROOT, "client", "src")),
    // The build's own plugins write voter.html's first-view mark and the other route pages.
    newestMtime(path.join(ROOT, "client", "vite-plugins")),
    newestMtime(path.join(ROOT, "server", "src", "protocol")),
    newestMtime(path.join(ROOT, "server", "src", "domain")),
    statSync(path.join(ROOT, "client", "index.html")).mtimeMs,
    statSync(path.join(ROOT, "client", "vite.config.ts")).mtimeMs,
  );
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  console.info("[e2e] building the client (client/dist is missing or stale)…");
  // vitest sets NODE_ENV=test, which would give React's development build: test what ships.
  execFileSync("npm", ["run", "build:client"], { cwd: ROOT, stdio: "pipe", env: { ...process.env, NODE_ENV: "production" } });
}

