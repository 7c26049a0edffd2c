import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { callDurationSec, formatCallDurationZh, nextCallState, ticketAllowsCall } from "./call-lifecycle.ts";
import { iceServersFor, MAX_TURN_TTL_SEC, turnCredential } from "./turn-credentials.ts";

const NOW = new Date("2026-12-01T08:00:00.000Z");
const rtc = { stunUrls: ["stun:stun.example.org:3478"], turnUrls: ["turn:turn.example.org:3478?transport=udp", "turns:turn.example.org:443"], turnSecret: "s3cret", relayOnly: false };

describe("TURN credentials", () => {
  it("name the expiry and the call, and sign them with the shared secret as coturn expects", () => {
    const c = turnCredential("call1", "s3cret", NOW, 300);
    expect(c.username).toBe(`${NOW.getTime() / 1000 + 300}:call1`);
    expect(c.credential).toBe(createHmac("sha1", "s3cret").update(c.username).digest("base64"));
    expect(c.expiresAt.getTime()).toBe(NOW.getTime() + 300_000);
  });

  it("never expire more than ten minutes ahead, whatever is asked", () => {
    const c = turnCredential("call1", "s3cret", NOW, 86_400);
    expect(Number(c.username.split(":")[0]) - NOW.getTime() / 1000).toBe(MAX_TURN_TTL_SEC);
  });

  it("differ per call and per secret", () => {
    expect(turnCredential("a", "x", NOW).credential).not.toBe(turnCredential("b", "x", NOW).credential);
    expect(turnCredential("a", "x", NOW).credential).not.toBe(turnCredential("a", "y", NOW).credential);
  });
});

describe("a call's ICE servers", () => {
  it("carry STUN and a signed TURN entry", () => {
    const { iceServers, iceTransportPolicy } = iceServersFor(rtc, "c1", NOW);
    expect(iceTransportPolicy).toBe("all");
    expect(iceServers[0]).toEqual({ urls: rtc.stunUrls });
    expect(iceServers[1]).toMatchObject({ urls: rtc.turnUrls, username: `${NOW.getTime() / 1000 + 600}:c1` });
  });

  it("carry only TURN when relay-only, so neither side learns the other's address", () => {
    const { iceServers, iceTransportPolicy } = iceServersFor({ ...rtc, relayOnly: true }, "c1", NOW);
    expect(iceTransportPolicy).toBe("relay");
    expect(iceServers).toHaveLength(1);
    expect(iceServers[0]!.urls).toEqual(rtc.turnUrls);
  });

  it("leave TURN out when no secret is configured", () => {
    expect(iceServersFor({ ...rtc, turnSecret: null }, "c1", NOW).iceServers).toEqual([{ urls: rtc.stunUrls }]);
  });
});

describe("the call state machine", () => {
  it("rings until the voter accepts, then mutes and unmutes", () => {
    expect(nextCallState("RINGING", "accept")).toBe("CONNECTED");
    expect(nextCallState("CONNECTED", "mute")).toBe("MUTED");
    expect(nextCallState("MUTED", "unmute")).toBe("CONNECTED");
  });

  it("cannot mute a ringing call, accept twice, or do anything after the end", () => {
    expect(nextCallState("RINGING", "mute")).toBeNull();
    expect(nextCallState("CONNECTED", "accept")).toBeNull();
    expect(nextCallState("CONNECTED", "decline")).toBeNull();
    for (const a of ["accept", "decline", "mute", "unmute", "end"] as const) expect(nextCallState("ENDED", a)).toBeNull();
  });

  it("exists only while the ticket is called or speaking", () => {
    expect(ticketAllowsCall("CALLED")).toBe(true);
    expect(ticketAllowsCall("SPEAKING")).toBe(true);
    for (const s of ["WAITING", "DONE", "NO_SHOW", "LEFT"] as const) expect(ticketAllowsCall(s)).toBe(false);
  });

  it("counts talk time from the moment the voter picked up", () => {
    expect(callDurationSec(null, NOW)).toBe(0);
    expect(callDurationSec(new Date(NOW.getTime() - 192_400), NOW)).toBe(192);
    expect(formatCallDurationZh(192)).toBe("3 分 12 秒");
    expect(formatCallDurationZh(45)).toBe("45 秒");
    expect(formatCallDurationZh(3720)).toBe("1 小时 2 分 0 秒");
  });
});
