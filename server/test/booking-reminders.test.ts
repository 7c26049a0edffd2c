/** Booking reminders (day before, hour before) through the notifier's drivers, and the iCalendar files. */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { createLogger } from "../src/logger.ts";
import { sendDueReminders } from "../src/notify/booking-reminders.ts";
import { webhookNotifier, type Notification, type Notifier } from "../src/notify/notifier.ts";
import { useTestServer } from "./helpers/use-test-server.ts";

const t = useTestServer({ perTest: true });
const HOUR = 3_600_000;
const silent = createLogger("silent");

function recorder(): Notifier & { sent: Notification[] } {
  const sent: Notification[] = [];
  return { sent, send: async (n) => void sent.push(n) };
}

async function bookableDay(capacity: number, startsInMs: number): Promise<{ sessionId: string; startsAt: Date }> {
  const startsAt = new Date(t.clock.now().getTime() + startsInMs);
  const res = await t.http("staffShengze").post("/api/sessions", {
    venueId: t.world.shengze.venueId,
    title: "预约接待日",
    theme: "加装电梯",
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 2 * HOUR).toISOString(),
    bookingCapacity: capacity,
  });
  return { sessionId: res.body.session.id, startsAt };
}

const book = async (sessionId: string, name: string, phone?: string) =>
  (await t.http().post(`/api/sessions/${sessionId}/bookings`, { name, phone, topic: "加装电梯的私事", isPublic: false })).body as { booking: { code: string; status: string } };

describe("booking reminders", () => {
  it("go out the day before and an hour before, once each, to booked voters only, carrying no name or topic", async () => {
    const { sessionId } = await bookableDay(1, 30 * HOUR);
    const booked = await book(sessionId, "张三", "13812345678");
    const waiting = await book(sessionId, "李四", "13900000000");
    expect(waiting.booking.status).toBe("WAITLISTED");
    const out = recorder();
    const at = (h: number) => new Date(t.clock.now().getTime() + h * HOUR);

    expect(await sendDueReminders(t.db, out, at(0))).toBe(0);
    expect(await sendDueReminders(t.db, out, at(7))).toBe(1);
    expect(await sendDueReminders(t.db, out, at(8))).toBe(0);
    expect(await sendDueReminders(t.db, out, at(29.5))).toBe(1);
    expect(await sendDueReminders(t.db, out, at(29.8))).toBe(0);

    expect(out.sent.map((n) => [n.kind, n.bookingCode, n.phone])).toEqual([
      ["booking.reminder.day", booked.booking.code, "13812345678"],
      ["booking.reminder.hour", booked.booking.code, "13812345678"],
    ]);
    const wire = JSON.stringify(out.sent);
    expect(wire).not.toContain("张三");
    expect(wire).not.toContain("私事");
    expect(out.sent[0]!.text).toContain(booked.booking.code);
  });

  it("a booking made within the hour gets only the hour's reminder", async () => {
    const { sessionId } = await bookableDay(3, 0.5 * HOUR);
    await book(sessionId, "王五");
    const out = recorder();
    expect(await sendDueReminders(t.db, out, t.clock.now())).toBe(1);
    expect(out.sent.map((n) => n.kind)).toEqual(["booking.reminder.hour"]);
    expect(out.sent[0]!.phone).toBeNull();
  });
});

describe("the webhook driver", () => {
  async function gateway(statuses: number[]) {
    const bodies: unknown[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        bodies.push({ json: JSON.parse(body), secret: req.headers["x-tongxin-secret"] });
        res.statusCode = statuses[Math.min(bodies.length - 1, statuses.length - 1)]!;
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, bodies, close: () => new Promise((r) => server.close(r)) };
  }
  const message: Notification = { kind: "booking.reminder.hour", phone: "13812345678", text: "提醒", bookingCode: "ABC234", sessionId: "s1", startsAt: "2026-12-02T01:00:00.000Z" };

  it("retries a failing gateway with growing pauses until it answers", async () => {
    const gw = await gateway([503, 502, 200]);
    const pauses: number[] = [];
    try {
      await webhookNotifier({ url: gw.url, secret: "s3cret", backoffMs: 10, sleep: async (ms) => void pauses.push(ms) }, silent).send(message);
      expect(gw.bodies).toHaveLength(3);
      expect(pauses).toEqual([10, 20]);
      expect(gw.bodies[0]).toEqual({ json: message, secret: "s3cret" });
    } finally {
      await gw.close();
    }
  });

  it("gives up at once on a refusal (4xx) and after its attempts on a dead gateway", async () => {
    const refusing = await gateway([400]);
    try {
      await expect(webhookNotifier({ url: refusing.url, sleep: async () => {} }, silent).send(message)).rejects.toThrow(/400/);
      expect(refusing.bodies).toHaveLength(1);
    } finally {
      await refusing.close();
    }
    const down = await gateway([500]);
    try {
      await expect(webhookNotifier({ url: down.url, attempts: 3, sleep: async () => {} }, silent).send(message)).rejects.toThrow(/500/);
      expect(down.bodies).toHaveLength(3);
    } finally {
      await down.close();
    }
  });
});

/** RFC 5545 §3.1 unfolding: a CRLF followed by one space or tab is removed. */
const unfold = (text: string) => text.replace(/\r\n[ \t]/g, "");

describe("calendars", () => {
  it("a venue's feed lists its reception days and a booking's file carries its code, never the name", async () => {
    const { sessionId, startsAt } = await bookableDay(2, 48 * HOUR);
    const b = await book(sessionId, "张三", "13812345678");
    const feed = await t.http().get(`/api/venues/${t.world.shengze.venueId}/calendar.ics`);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    expect(feed.text).toContain("BEGIN:VCALENDAR");
    expect(feed.text.match(/BEGIN:VEVENT/g)?.length).toBeGreaterThanOrEqual(2);
    expect(feed.text).toContain(`UID:session-${sessionId}@tongxin`);
    const stamp = startsAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
    expect(feed.text).toContain(`DTSTART:${stamp}`);

    const file = await t.http().get(`/api/bookings/${b.booking.code}/calendar.ics`);
    expect(file.status).toBe(200);
    // RFC 5545: lines of at most 75 octets (folded), and a PRODID of the -//owner//product//language form.
    for (const body of [feed.text, file.text]) {
      for (const line of body.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
      expect(body).toMatch(/^PRODID:-\/\/Tongxin\/\/[^/\r\n]+\/\/ZH\r$/m);
    }
    expect(unfold(feed.text)).toContain("SUMMARY:");
    expect(unfold(file.text)).toContain(b.booking.code);
    expect(file.text).toContain("BEGIN:VALARM");
    expect(file.text).not.toContain("张三");
    expect(file.text).not.toContain("13812345678");
    expect((await t.http().get(`/api/venues/nope/calendar.ics`)).status).toBe(404);
  });
});
