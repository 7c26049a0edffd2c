/** Sending a generated file: a UTF-8 filename Excel and browsers both understand, never cached. */
import type { Response } from "express";

export function contentDisposition(kind: "attachment" | "inline", filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function sendFile(res: Response, opts: { type: string; filename: string; body: string; inline?: boolean }): void {
  res.setHeader("Content-Type", opts.type);
  res.setHeader("Content-Disposition", contentDisposition(opts.inline ? "inline" : "attachment", opts.filename));
  res.setHeader("Cache-Control", "no-store");
  res.send(opts.body);
}
