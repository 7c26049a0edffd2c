/**
 * Livestream rules (docs/ARCHITECTURE.md §5c). Pure.
 *
 * nginx-rtmp names its HLS files after the stream name, and every viewer can
 * read the HLS URL. If that name were the stream key, any viewer could push to
 * the station's stream. So the relay renames an accepted stream to a name
 * derived from the key by a one-way hash, and HLS is written under that name.
 */
import { createHash, randomUUID } from "node:crypto";
import type { SessionStatus } from "../protocol/model.ts";

/** A fresh secret stream key: a random uuid (122 random bits), the same form as the schema's default. */
export function newStreamKey(): string {
  return randomUUID();
}

/** The public stream name for a key: not reversible, changes when the key does. */
export function publicStreamName(streamKey: string): string {
  return "s" + createHash("sha256").update(`tongxin-stream:${streamKey}`).digest("hex").slice(0, 32);
}

/** Where a session's HLS playlist is served, or null when no relay is configured. */
export function hlsUrlFor(hlsBase: string | null, streamKey: string): string | null {
  return hlsBase === null ? null : `${hlsBase}/${publicStreamName(streamKey)}.m3u8`;
}

/** An encoder may publish while the day is open, live or paused — not before, not after. */
export function acceptsPublisher(status: SessionStatus): boolean {
  return status === "OPEN" || status === "LIVE" || status === "PAUSED";
}

/**
 * The origins a voter's player may fetch a stream from (the page's CSP
 * `media-src` / `connect-src`, and what a manually set stream address may
 * point at): the relay's, when MEDIA_HLS_BASE is absolute, and MEDIA_ORIGINS.
 * A relative MEDIA_HLS_BASE is the page's own origin ('self').
 */
export function streamOrigins(hlsBase: string | null, extra: readonly string[]): string[] {
  const origins = new Set<string>();
  for (const candidate of [hlsBase, ...extra]) {
    const origin = originOf(candidate);
    if (origin) origins.add(origin);
  }
  return [...origins];
}

/** `scheme://host[:port]` of an absolute http(s) address, else null. */
export function originOf(address: string | null | undefined): string | null {
  if (!address || !/^https?:\/\//i.test(address)) return null;
  try {
    return new URL(address).origin;
  } catch {
    return null;
  }
}
