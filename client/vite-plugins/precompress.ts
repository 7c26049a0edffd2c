/**
 * Writes `file.br` and `file.gz` beside every text file of the build, so the
 * server (server/src/transport/http/static-client.ts) sends a phone on 3G a
 * third of the bytes without compressing anything per request. node:zlib
 * only: brotli at its best quality costs seconds once, at build time.
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import type { Plugin } from "vite";

const COMPRESSIBLE = new Set([".js", ".mjs", ".css", ".html", ".svg", ".json", ".txt", ".webmanifest", ".ico"]);
/** Below this a compressed file saves less than its headers cost. */
const MIN_BYTES = 1024;

export interface PrecompressedFile {
  file: string;
  raw: number;
  br: number;
  gz: number;
}

export function precompressDir(dir: string): PrecompressedFile[] {
  const done: PrecompressedFile[] = [];
  for (const abs of walk(dir)) {
    if (!COMPRESSIBLE.has(path.extname(abs))) continue;
    const raw = readFileSync(abs);
    if (raw.length < MIN_BYTES) continue;
    const br = brotliCompressSync(raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = gzipSync(raw, { level: 9 });
    if (br.length < raw.length) writeFileSync(abs + ".br", br);
    if (gz.length < raw.length) writeFileSync(abs + ".gz", gz);
    done.push({ file: path.relative(dir, abs), raw: raw.length, br: br.length, gz: gz.length });
  }
  return done;
}

/** Vite plugin: precompress the output directory once the bundle is written. */
export function precompress(): Plugin {
  let outDir = "";
  return {
    name: "tongxin-precompress",
    apply: "build",
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      const files = precompressDir(outDir);
      const kb = (n: number) => (n / 1024).toFixed(1);
      const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, br: a.br + f.br, gz: a.gz + f.gz }), { raw: 0, br: 0, gz: 0 });
      this.info?.(`precompressed ${files.length} files: ${kb(total.raw)} KB → br ${kb(total.br)} KB, gzip ${kb(total.gz)} KB`);
    },
  };
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const abs = path.join(dir, name);
    if (statSync(abs).isDirectory()) yield* walk(abs);
    else if (!abs.endsWith(".br") && !abs.endsWith(".gz")) yield abs;
  }
}
