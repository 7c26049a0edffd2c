import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIRST_VIEW_MARK } from "../../client/vite-plugins/route-pages.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

// A client build in miniature whose voter.html carries the first-view mark, as route-pages.ts writes it.
const dir = mkdtempSync(path.join(tmpdir(), "tongxin-first-view-"));
const PAGE = (body: string) => `<!doctype html><html><head><title>同心</title></head><body>${body}<div id="root"></div></body></html>`;
writeFileSync(path.join(dir, "index.html"), PAGE(""));
writeFileSync(path.join(dir, "voter.html"), PAGE(FIRST_VIEW_MARK));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const t = useTestServer({ config: { clientDir: dir } });

async function voterPage(sessionId: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${t.url}/s/${sessionId}`, { headers });
  return { res, html: await res.text() };
}

describe("the voter page's HTML", () => {
  it("carries the session's header and the join form, never cached without asking, varying on the phone's cookie", async () => {
    const { res, html } = await voterPage(t.world.shengze.sessionId);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("vary")).toBe("Accept-Encoding, Cookie");
    expect(html).toContain('<div id="first-view" data-state="join">');
    expect(html).toContain('name="name"');
    expect(html.indexOf('id="first-view"')).toBeLessThan(html.indexOf('<div id="root">'));
  });

  it("a phone whose cookie says it holds a ticket gets no form", async () => {
    const { html } = await voterPage(t.world.shengze.sessionId, { cookie: "tongxin_held=ticket" });
    expect(html).toContain('data-state="held"');
    expect(html).not.toContain('name="name"');
  });

  it("a closed queue says so; an unknown session gets the plain page", async () => {
    await t.db.receptionSession.update({ where: { id: t.world.lili.sessionId }, data: { queueOpen: false } });
    const closed = await voterPage(t.world.lili.sessionId);
    expect(closed.html).not.toContain('name="name"');
    expect(closed.html).toContain("排队暂未开放");
    const unknown = await voterPage("cmxnosuchsession00000000");
    expect(unknown.res.status).toBe(200);
    expect(unknown.html).toBe(PAGE(FIRST_VIEW_MARK));
  });

  it("is sent compressed, and a revalidation with its ETag is a 304", async () => {
    const res = await fetch(`${t.url}/s/${t.world.shengze.sessionId}`, { headers: { "accept-encoding": "br" } });
    const etag = res.headers.get("etag")!;
    expect(res.headers.get("content-encoding")).toBe("br");
    expect(etag).toMatch(/-br"$/);
    const again = await fetch(`${t.url}/s/${t.world.shengze.sessionId}`, { headers: { "accept-encoding": "br", "if-none-match": etag } });
    expect(again.status).toBe(304);
    // fetch has undone the brotli: the stand-in is in it.
    expect(await res.text()).toContain('id="first-view"');
  });
});
