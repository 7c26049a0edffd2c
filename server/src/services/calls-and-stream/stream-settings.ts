/** What staff need to point an encoder at the relay, and replacing a leaked stream key (§5c). */
import { hlsUrlFor, newStreamKey, originOf, streamOrigins } from "../../domain/livestream.ts";
import { AppError } from "../../protocol/errors.ts";
import type { Config } from "../../config.ts";
import type { StreamEventData, StreamSettings } from "../../protocol/model.ts";
import { SESSION_VIEW_INCLUDE, toSessionView } from "../../store/views.ts";
import { requireVenueRole } from "../privacy-and-accounts/auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { findSessionOrThrow } from "../../store/lookups.ts";

function settingsOf(deps: ServiceDeps, s: { streamKey: string; streamLive: boolean }): StreamSettings {
  return {
    rtmpUrl: deps.config.mediaRtmpUrl,
    streamKey: s.streamKey,
    hlsUrl: hlsUrlFor(deps.config.mediaHlsBase, s.streamKey),
    live: s.streamLive,
  };
}

/**
 * A manually set stream address must be playable: its origin is one the
 * voter page's CSP allows (the relay's, or MEDIA_ORIGINS). Refused here, with
 * the field named, rather than failing later on every voter's phone.
 */
export function checkStreamAddress(config: Pick<Config, "mediaHlsBase" | "mediaOrigins">, address: string | null | undefined): void {
  if (!address) return;
  const allowed = streamOrigins(config.mediaHlsBase, config.mediaOrigins);
  const origin = originOf(address);
  if (origin && allowed.includes(origin)) return;
  const list = allowed.length ? allowed.join(", ") : "—";
  throw new AppError("BAD_REQUEST", `直播地址不在允许的来源中（${list}），请联系管理员配置 MEDIA_ORIGINS / the stream address is not from an allowed origin (${list}); ask the administrator to add it to MEDIA_ORIGINS`, {
    streamUrl: "origin not allowed (MEDIA_ORIGINS)",
  });
}

export async function streamSettings(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<StreamSettings> {
  const s = await findSessionOrThrow(deps.db, sessionId);
  requireVenueRole(actor, s.venueId);
  return settingsOf(deps, s);
}

/**
 * A new key for the session. The old key stops working at once: nginx's
 * periodic on_update hook is refused and the relay drops an encoder still
 * pushing with it. The HLS name follows the key, so viewers get the new URL
 * in `session.updated`; `stream.stopped` (reason key-regenerated) records who
 * replaced the key in the session log.
 */
export async function regenerateStreamKey(deps: ServiceDeps, actor: Actor, sessionId: string): Promise<StreamSettings> {
  const existing = await findSessionOrThrow(deps.db, sessionId);
  const user = requireVenueRole(actor, existing.venueId, ["ADMIN", "STAFF"]);
  return deps.lanes.run(sessionId, async ({ tx, append }) => {
    const now = deps.now();
    const row = await tx.receptionSession.update({
      where: { id: sessionId },
      data: { streamKey: newStreamKey(), streamLive: false },
      include: SESSION_VIEW_INCLUDE,
    });
    const view = toSessionView(row, deps.config.mediaHlsBase);
    await append({ type: "session.updated", data: view }, now, user.id);
    const stopped: StreamEventData = { live: false, hlsUrl: view.hlsUrl, reason: "key-regenerated" };
    await append({ type: "stream.stopped", data: stopped }, now, user.id);
    return settingsOf(deps, row);
  });
}
