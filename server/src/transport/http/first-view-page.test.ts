import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import type { FirstViewSession } from "./first-view.ts";
import { FIRST_VIEW_MAX_AGE_MS, firstViewPages, heldOf, viewOf } from "./first-view-page.ts";

const ZH = { lang: "zh-CN", elder: false } as const;

const VOTER_HTML = `<!doctype html><html><head></head><body><!--first-view--><div id="root"></div></body></html>`;
const SESSION: FirstViewSession = {
  title: "十二月接待日",
  theme: "",
  venueName: "坛丘片区人大代表之家",
  town: "盛泽镇",
  startsAt: "2026-12-07T01:30:00.000Z",
  endsAt: "2026-12-07T03:30:00.000Z",
  deputies: [],
  status: "OPEN",
  queueOpen: true,
  kind: "RECEPTION",
};

function counting(answer: (id: string) => Promise<FirstViewSession | null>) {
  const reads: string[] = [];
  return { reads, read: (id: string) => (reads.push(id), answer(id)) };
}

describe("the voter page with its first view", () => {
  it("a session's page is read once per two seconds, however many phones ask", async () => {
    let clock = 0;
    const db = counting(async () => SESSION);
    const pages = firstViewPages(VOTER_HTML, db.read, () => clock);
    const first = await pages("s1", null, ZH);
    await Promise.all(Array.from({ length: 50 }, () => pages("s1", null, ZH)));
    expect(db.reads).toEqual(["s1"]);
    clock += FIRST_VIEW_MAX_AGE_MS + 1;
    await pages("s1", null, ZH);
    expect(db.reads).toEqual(["s1", "s1"]);
    const html = first!.identity.toString();
    expect(html).toContain('<div id="first-view" data-state="join">');
    expect(brotliDecompressSync(first!.encoded.br).toString()).toBe(html);
    expect(gunzipSync(first!.encoded.gzip).toString()).toBe(html);
  });

  it("a phone holding a ticket gets its own page, without the form", async () => {
    const pages = firstViewPages(VOTER_HTML, async () => SESSION);
    const held = (await pages("s1", "ticket", ZH))!.identity.toString();
    expect(held).toContain('data-state="held"');
    expect(held).not.toContain('name="name"');
    expect((await pages("s1", null, ZH))!.etag).not.toBe((await pages("s1", "ticket", ZH))!.etag);
  });

  it("an unknown session, or a read that fails, gives no page (the plain voter.html is sent); a failed read is tried again", async () => {
    expect(await firstViewPages(VOTER_HTML, async () => null)("nope", null, ZH)).toBeNull();
    let fail = true;
    const db = counting(async () => {
      if (fail) throw new Error("database away");
      return SESSION;
    });
    const pages = firstViewPages(VOTER_HTML, db.read, () => 0);
    expect(await pages("s1", null, ZH)).toBeNull();
    fail = false;
    expect(await pages("s1", null, ZH)).not.toBeNull();
    expect(db.reads).toHaveLength(2);
  });

  it("reads the held cookie's two values and nothing else", () => {
    expect(heldOf("a=1; tongxin_held=ticket")).toBe("ticket");
    expect(heldOf("tongxin_held=booking")).toBe("booking");
    expect(heldOf("tongxin_held=<b>")).toBeNull();
    expect(heldOf(undefined)).toBeNull();
  });

  it("a phone's language and 长辈版 each get their own page, from the view cookie (anything unknown reads as the default)", async () => {
    expect(viewOf("a=1; tongxin_view=en.elder")).toEqual({ lang: "en", elder: true });
    expect(viewOf("tongxin_view=en")).toEqual({ lang: "en", elder: false });
    expect(viewOf("tongxin_view=zh-CN.elder")).toEqual({ lang: "zh-CN", elder: true });
    expect(viewOf("tongxin_view=fr.big")).toEqual(ZH);
    expect(viewOf(undefined)).toEqual(ZH);
    const db = counting(async () => SESSION);
    const pages = firstViewPages(VOTER_HTML, db.read, () => 0);
    const zh = (await pages("s1", null, ZH))!.identity.toString();
    const en = (await pages("s1", null, { lang: "en", elder: false }))!.identity.toString();
    const elder = (await pages("s1", null, { lang: "zh-CN", elder: true }))!.identity.toString();
    expect(zh).toContain("我要排队");
    expect(en).toContain("Join the queue");
    expect(elder).toContain("elder-step");
    expect(zh).not.toContain("elder-step");
    expect(db.reads).toHaveLength(3);
  });
});
