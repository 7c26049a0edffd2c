/**
 * §5b in real browsers: a hall console and a voter's phone (two Chromium
 * contexts with a fake microphone playing a 440 Hz tone) call each other
 * inside a private network namespace (e2e/call-lab/), once directly and once
 * relay-only through a coturn the lab starts. Skipped with a loud warning
 * where unshare, coturn, ffmpeg or Chromium are missing, unless E2E_REQUIRED=1.
 */
import { describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { ensureClientBuilt } from "./browser-env.ts";
import { ARTIFACTS } from "./fixtures.ts";
import { labAvailable, runCallLab, type LabResult } from "./call-lab/run-lab.ts";

function expectAHealthyCall(result: LabResult): NonNullable<LabResult["first"]> {
  expect(result.errors).toEqual([]);
  expect(result.interfaces).toContain("10.43.0.1/24");
  const first = result.first!;
  // Connected both ways: each side received the other's audio.
  expect(first.hallPhase).toBe("connected");
  expect(first.voterPhase).toBe("connected");
  expect(first.hallInboundPackets).toBeGreaterThan(0);
  expect(first.voterInboundPackets).toBeGreaterThan(0);
  // The voter's tone is heard in the hall (the meter and getStats agree it is not silence)…
  expect(first.hallLevel).toBeGreaterThan(0.02);
  expect(first.hallAudioLevelStat ?? 0).toBeGreaterThan(0.001);
  // …muting the voter drops it to zero…
  expect(first.hallLevelMuted).toBe(0);
  // …and the hall's hang-up turns the voter's microphone off and says so.
  expect(first.voterTracksEnded).toBe(true);
  expect(first.voterEndedText).toContain("会场已挂断");
  for (const s of result.samples) {
    expect(s.setupMs).toBeGreaterThan(0);
    expect(s.muteMs).not.toBeNull();
    expect(s.hangUpMs).not.toBeNull();
  }
  return first;
}

process.env.CALL_LAB_ARTIFACTS ??= ARTIFACTS;
mkdirSync(ARTIFACTS, { recursive: true });

describe("calls between the hall console and a voter's phone", () => {
  it.skipIf(!labAvailable("direct"))("connect directly, carry audio both ways, mute, and hang up", async () => {
    ensureClientBuilt();
    const result = await runCallLab({ mode: "direct", calls: 2 });
    const first = expectAHealthyCall(result);
    expect(result.samples).toHaveLength(2);
    expect(first.hallCandidateType).toBe("host");
    // The same voter page over plain http by a LAN address is not a secure context: no microphone, and it says why.
    expect(result.insecure).toMatchObject({ isSecureContext: false, hasMediaDevices: false, problem: "insecure" });
    expect(result.insecure!.text).toContain("https");
  });

  it.skipIf(!labAvailable("relay"))("with RTC_RELAY_ONLY, go through TURN on a relay candidate pair and never signal a host address", async () => {
    ensureClientBuilt();
    const result = await runCallLab({ mode: "relay", calls: 1 });
    const first = expectAHealthyCall(result);
    expect(first.hallCandidateType).toBe("relay");
    expect(first.voterCandidateType).toBe("relay");
    expect(first.hallSignaledTypes.length).toBeGreaterThan(0);
    expect(new Set([...first.hallSignaledTypes, ...first.voterSignaledTypes])).toEqual(new Set(["relay"]));
  });
});
