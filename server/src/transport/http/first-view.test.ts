import { describe, expect, it } from "vitest";
import { FIRST_VIEW_MARK as BUILD_MARK } from "../../../../client/vite-plugins/route-pages.ts";
import { FIRST_VIEW_MARK, FIRST_VIEW_STYLE, firstViewState, renderFirstView, withFirstView, type FirstViewSession, type ViewChoice } from "./first-view.ts";

const ZH: ViewChoice = { lang: "zh-CN", elder: false };

const open = (over: Partial<FirstViewSession> = {}): FirstViewSession => ({
  title: "盛泽镇人大代表联络站 · 12 月接待日",
  theme: "老旧小区改造",
  venueName: "盛泽镇人大代表联络站",
  town: "盛泽镇",
  startsAt: "2026-12-07T01:30:00.000Z",
  endsAt: "2026-12-07T03:30:00.000Z",
  deputies: ["王建国", "李秀英"],
  status: "LIVE",
  queueOpen: true,
  kind: "RECEPTION",
  ...over,
});

const inputsOf = (html: string) => [...html.matchAll(/<(?:input|textarea)[^>]*\bname="([^"]+)"/g)].map((m) => m[1]);
const VOTER_PAGE = `<!doctype html><html lang="zh-CN"><head><title>同心</title></head><body><!--first-view--><div id="root"></div></body></html>`;

describe("the voter page's first view", () => {
  it("an open day gets JoinForm's fields, in its order, with a button that waits for the page", () => {
    const html = renderFirstView(open(), null, ZH);
    expect(inputsOf(html)).toEqual(["name", "wantsReply", "phone", "topic", "question", "isPublic", "consent"]);
    expect(html).toMatch(/<button type="submit"[^>]*disabled>正在连接/);
    expect(html).toContain("我要排队");
    expect(html).toContain("姓名<span class=\"field__required\"> （必填）</span>");
    expect(html).toContain('data-state="join"');
  });

  it("the header shows the public facts: title beside its venue, place, China time, theme, deputies", () => {
    const html = renderFirstView(open(), null, ZH);
    expect(html).toContain('<h1 class="session-header__title">12 月接待日</h1>');
    expect(html).toContain("盛泽镇人大代表联络站<span class=\"muted\"> · 盛泽镇</span>");
    // 01:30Z is 09:30 in China, whatever the server's own zone.
    expect(html).toMatch(/12月7日.* 09:30–11:30/);
    expect(html).toContain("老旧小区改造");
    expect(html).toContain("王建国、李秀英");
    expect(html).toContain("接待中");
  });

  it("escapes everything staff typed, and a '$&' in a title stays text when placed in the page", () => {
    const nasty = `<script>alert("x")</script> & '$&'`;
    const html = renderFirstView(open({ title: nasty, theme: nasty, venueName: `<b>站</b>`, town: `"镇"`, deputies: [nasty] }), null, ZH);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>站</b>");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;$&amp;&#39;");
    expect(html).toContain("&quot;镇&quot;");
    const page = withFirstView(VOTER_PAGE, renderFirstView(open({ title: "a $& b $' c" }), null, ZH), ZH);
    expect(page).toContain("a $&amp; b $&#39; c");
    expect(page).not.toContain("<!--first-view-->");
  });

  it("shows no form, only what JoinForm would say, when the day does not take online joins", () => {
    const closed = renderFirstView(open({ queueOpen: false }), null, ZH);
    expect(inputsOf(closed)).toEqual([]);
    expect(closed).toContain("排队暂未开放");
    const ended = renderFirstView(open({ status: "ENDED", queueOpen: false }), null, ZH);
    expect(inputsOf(ended)).toEqual([]);
    expect(ended).toContain("本次接待已结束");
    expect(renderFirstView(open({ kind: "FORUM", status: "ENDED", queueOpen: false }), null, ZH)).toContain("座谈会已结束");
  });

  it("a forum (joins by invitation) and a day not yet open (booking) leave the offer to the page", () => {
    for (const s of [open({ kind: "FORUM" }), open({ status: "SCHEDULED", queueOpen: false })]) {
      const html = renderFirstView(s, null, ZH);
      expect(inputsOf(html)).toEqual([]);
      expect(html).toContain('data-state="wait"');
      expect(html).toContain("正在加载");
    }
    expect(renderFirstView(open({ kind: "FORUM" }), null, ZH)).toContain("主持代表");
  });

  it("a phone that holds a ticket or a booking is never shown a form, even on an open day", () => {
    const ticket = renderFirstView(open(), "ticket", ZH);
    expect(inputsOf(ticket)).toEqual([]);
    expect(ticket).toContain("正在找回您的排号");
    expect(inputsOf(renderFirstView(open(), "booking", ZH))).toEqual([]);
    expect(firstViewState(open(), "booking")).toBe("held");
  });

  it("carries nothing but the header's public facts, whatever else the session object holds", () => {
    const withSecrets = { ...open(), streamKey: "sk-secret-123", tickets: [{ name: "赵一", phone: "13800001111", question: "私下的问题" }] };
    const html = renderFirstView(withSecrets as FirstViewSession, null, ZH);
    for (const secret of ["sk-secret-123", "赵一", "13800001111", "私下的问题"]) expect(html).not.toContain(secret);
  });

  it("uses ids of its own, so React's #join, #join-title and labels are never doubled", () => {
    const ids = [...renderFirstView(open(), null, ZH).matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.filter((id) => id !== "first-view").every((id) => id.startsWith("fv-"))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("goes into voter.html at its mark before #root with its rules in the head, and no script anywhere; a build without the mark is left alone", () => {
    const page = withFirstView(VOTER_PAGE, renderFirstView(open(), null, ZH), ZH);
    expect(page.indexOf('id="first-view"')).toBeLessThan(page.indexOf('<div id="root">'));
    expect(page).toContain(`${FIRST_VIEW_STYLE}</head>`);
    expect(page).not.toMatch(/<script/);
    expect(BUILD_MARK).toBe(FIRST_VIEW_MARK);
    const older = `<html><head></head><body><div id="root"></div></body></html>`;
    expect(withFirstView(older, "<div>x</div>", ZH)).toBe(older);
  });

  it("speaks the phone's chosen English: the page's words, badge and date, its button, and <html lang>", () => {
    const en: ViewChoice = { lang: "en", elder: false };
    const html = renderFirstView(open(), null, en);
    expect(html).toContain("Join the queue");
    expect(html).toContain('Name<span class="field__required"> (required)</span>');
    expect(html).toContain(">Live</span>");
    // The client's formatDate in English, China time.
    expect(html).toMatch(/Mon, December 7 09:30–11:30/);
    expect(html).toContain("王建国, 李秀英");
    expect(html).toMatch(/<button type="submit"[^>]*disabled>Connecting, please wait…<\/button>/);
    // A word with quotes stays text.
    expect(html).toContain("One line, e.g. &quot;a lift for our building&quot;");
    // The session's own facts stay as staff wrote them; none of the page's words is Chinese.
    for (const zh of ["我要排队", "姓名", "接待中", "正在连接", "地点", "接待代表"]) expect(html).not.toContain(zh);
    expect(withFirstView(VOTER_PAGE, html, en)).toContain('<html lang="en"><head>');
    expect(renderFirstView(open({ queueOpen: false }), null, en)).toContain("The queue is not open at the moment.");
    expect(renderFirstView(open(), "ticket", en)).toContain("Finding your ticket…");
  });

  it("for 长辈版 is laid out as the page's one step at a time, with the large text on <html>", () => {
    const elder: ViewChoice = { lang: "zh-CN", elder: true };
    const html = renderFirstView(open(), null, elder);
    expect(html).toContain('<div class="voter-grid voter-grid--elder"><div class="voter-grid__status"><p class="notice elder-step">第一步：填写下面的表格排队</p></div><div class="voter-grid__join">');
    expect(inputsOf(html)).toEqual(["name", "wantsReply", "phone", "topic", "question", "isPublic", "consent"]);
    expect(withFirstView(VOTER_PAGE, html, elder)).toContain('<html lang="zh-CN" class="elder"><head>');
    expect(withFirstView(VOTER_PAGE, renderFirstView(open(), null, ZH), ZH)).toContain('<html lang="zh-CN"><head>');
    // No step line where there is no form.
    expect(renderFirstView(open({ queueOpen: false }), null, elder)).not.toContain("elder-step");
  });
});
