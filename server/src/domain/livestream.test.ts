import { describe, expect, it } from "vitest";
import { acceptsPublisher, hlsUrlFor, newStreamKey, publicStreamName } from "./livestream.ts";

describe("livestream naming", () => {
  it("the public HLS name never contains the stream key", () => {
    const key = newStreamKey();
    const url = hlsUrlFor("http://127.0.0.1:8088/hls", key)!;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:8088\/hls\/s[0-9a-f]{32}\.m3u8$/);
    expect(url).not.toContain(key);
  });

  it("the same key always gives the same name, another key another name", () => {
    const key = newStreamKey();
    expect(publicStreamName(key)).toBe(publicStreamName(key));
    expect(publicStreamName(newStreamKey())).not.toBe(publicStreamName(key));
  });

  it("fresh keys are random uuids and do not repeat", () => {
    const keys = new Set(Array.from({ length: 100 }, () => newStreamKey()));
    expect(keys.size).toBe(100);
    for (const k of keys) expect(k).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("there is no HLS URL without a relay", () => {
    expect(hlsUrlFor(null, newStreamKey())).toBeNull();
  });

  it("an encoder may publish only while the day is open, live or paused", () => {
    expect(["SCHEDULED", "OPEN", "LIVE", "PAUSED", "ENDED"].filter((s) => acceptsPublisher(s as never))).toEqual(["OPEN", "LIVE", "PAUSED"]);
  });
});
