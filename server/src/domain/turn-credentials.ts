/**
 * TURN credentials in coturn's shared-secret REST scheme (`use-auth-secret`,
 * docs/TURN.md): username `<expiry unix seconds>:<callId>`, credential =
 * base64(HMAC-SHA1(username, secret)). coturn recomputes the HMAC and refuses
 * an expired username, so a leaked credential is worth one call for minutes.
 * Pure apart from node:crypto; the clock is an argument.
 */
import { createHmac } from "node:crypto";
import type { IceServer } from "../protocol/calls.ts";

/** The contract's ceiling: a credential expires at most 10 minutes ahead. */
export const MAX_TURN_TTL_SEC = 600;

export interface TurnCredential {
  username: string;
  credential: string;
  expiresAt: Date;
}

export function turnCredential(callId: string, secret: string, now: Date, ttlSec = MAX_TURN_TTL_SEC): TurnCredential {
  const ttl = Math.max(1, Math.min(MAX_TURN_TTL_SEC, Math.floor(ttlSec)));
  const expiry = Math.floor(now.getTime() / 1000) + ttl;
  const username = `${expiry}:${callId}`;
  const credential = createHmac("sha1", secret).update(username).digest("base64");
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}

export interface RtcSettings {
  stunUrls: readonly string[];
  turnUrls: readonly string[];
  turnSecret: string | null;
  relayOnly: boolean;
}

/**
 * The ICE servers of one call. Relay-only drops STUN (a server-reflexive
 * candidate would tell the other side one's public address) and asks the
 * browser to use relay candidates only.
 */
export function iceServersFor(rtc: RtcSettings, callId: string, now: Date): { iceServers: IceServer[]; iceTransportPolicy: "all" | "relay" } {
  const iceServers: IceServer[] = [];
  if (!rtc.relayOnly && rtc.stunUrls.length) iceServers.push({ urls: [...rtc.stunUrls] });
  if (rtc.turnUrls.length && rtc.turnSecret) {
    const { username, credential } = turnCredential(callId, rtc.turnSecret, now);
    iceServers.push({ urls: [...rtc.turnUrls], username, credential });
  }
  return { iceServers, iceTransportPolicy: rtc.relayOnly ? "relay" : "all" };
}
