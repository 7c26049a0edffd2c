/**
 * The media relay's hooks (§5c): nginx-rtmp asks before it accepts an
 * encoder (`on_publish`), tells when it left (`on_publish_done`) and asks
 * again every few seconds while it pushes (`on_update`). `name` is the stream
 * key the encoder used. A refused hook makes nginx drop the encoder.
 */
import { acceptsPublisher, hlsUrlFor, publicStreamName } from "../../domain/livestream.ts";
import { AppError } from "../../protocol/errors.ts";
import type { StreamEventData } from "../../protocol/model.ts";
import type { ServiceDeps } from "../deps.ts";

const refused = () => new AppError("FORBIDDEN", "推流密钥无效 / unknown stream key or session not open");

async function sessionOfKey(deps: ServiceDeps, streamKey: string) {
  // An empty or absurd name is no key; findUnique on "" would also just miss.
  if (!streamKey || streamKey.length > 200) throw refused();
  const s = await deps.db.receptionSession.findUnique({ where: { streamKey }, select: { id: true, status: true } });
  if (!s || !acceptsPublisher(s.status)) throw refused();
  return s;
}

/** Accepts an encoder: the session goes live. Answers the public name the relay renames the stream to. */
export async function publisherStarted(deps: ServiceDeps, streamKey: string): Promise<{ publicName: string }> {
  const { id } = await sessionOfKey(deps, streamKey);
  await deps.lanes.run(id, async ({ tx, append }) => {
    // Re-read under the lane: the key may have been replaced or the day ended meanwhile.
    const s = await tx.receptionSession.findUnique({ where: { id }, select: { streamKey: true, status: true, streamLive: true } });
    if (!s || s.streamKey !== streamKey || !acceptsPublisher(s.status)) throw refused();
    if (s.streamLive) return; // an encoder reconnecting before its old connection was reported gone
    await tx.receptionSession.update({ where: { id }, data: { streamLive: true }, select: { id: true } });
    const data: StreamEventData = { live: true, hlsUrl: hlsUrlFor(deps.config.mediaHlsBase, streamKey) };
    await append({ type: "stream.started", data }, deps.now());
  });
  return { publicName: publicStreamName(streamKey) };
}

/** The encoder left: the session's stream is no longer live. */
export async function publisherStopped(deps: ServiceDeps, streamKey: string): Promise<void> {
  const { id } = await sessionOfKey(deps, streamKey);
  await deps.lanes.run(id, async ({ tx, append }) => {
    const s = await tx.receptionSession.findUnique({ where: { id }, select: { streamKey: true, streamLive: true } });
    if (!s || s.streamKey !== streamKey || !s.streamLive) return;
    await tx.receptionSession.update({ where: { id }, data: { streamLive: false }, select: { id: true } });
    const data: StreamEventData = { live: false, hlsUrl: hlsUrlFor(deps.config.mediaHlsBase, streamKey), reason: "publisher" };
    await append({ type: "stream.stopped", data }, deps.now());
  });
}

/**
 * An encoder still pushing (nginx's periodic on_update): refused once its key
 * was replaced or the day ended, and otherwise marks the stream live again if
 * a stray on_publish_done (a second encoder on the same key, refused by
 * nginx) or a restart had cleared it.
 */
export const publisherStillPushing = publisherStarted;

/**
 * The relay's own push into its `hls` application (media/nginx.conf): allowed
 * only for the public name of a session whose encoder Tongxin accepted and that
 * is live now. Anyone else publishing there — a local process that learned the
 * public name from the HLS URL — would overwrite what the station's viewers see.
 */
export async function relayPushAllowed(deps: ServiceDeps, publicName: string): Promise<void> {
  if (!/^s[0-9a-f]{32}$/.test(publicName)) throw refused();
  const live = await deps.db.receptionSession.findMany({ where: { streamLive: true }, select: { streamKey: true, status: true } });
  const match = live.find((s) => publicStreamName(s.streamKey) === publicName);
  if (!match || !acceptsPublisher(match.status)) throw refused();
}
