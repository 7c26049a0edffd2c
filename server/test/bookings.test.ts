/**
 * 预约 (docs/ARCHITECTURE.md §6b): capacity and waitlist, cancel and promotion, check-in online
 * and at the desk, no-shows at the end; a retry with the same requestId gets the
 * first booking and its token and books nothing, even racing it, on a full or
 * closed day, or from an address at its limit.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { BookingPublicView, BookingView } from "../src/protocol/bookings.ts";
import { bookingCreateSchema } from "../src/protocol/schemas.ts";
import { createBooking } from "../src/services/bookings-and-support/bookings.ts";
import { call, ok } from "./helpers/test-server.ts";
import { useTestServer, type TestServerHandle } from "./helpers/use-test-server.ts";

const MIN = 60_000;

interface Booked {
  booking: BookingPublicView;
  bookingToken: string;
}

/** The requests and reads every booking test needs, against one test server. */
function bookingKit(t: TestServerHandle) {
  /** A reception day at 盛泽镇 that takes `capacity` bookings, starting in `startsInMin` minutes. */
  async function bookableDay(capacity: number, startsInMin = 24 * 60): Promise<string> {
    const startsAt = new Date(t.clock.now().getTime() + startsInMin * MIN);
    const res = await t.http("staffShengze").post("/api/sessions", {
      venueId: t.world.shengze.venueId,
      title: "预约接待日",
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3 * 60 * MIN).toISOString(),
      slotMin: 8,
      walkInHeadStartMin: 10,
      bookingCapacity: capacity,
    });
    expect(res.status).toBe(201);
    return res.body.session.id;
  }

  /** The booking POST as sent, whatever it answers. */
  const post = (sessionId: string, name: string, over: Record<string, unknown> = {}) =>
    t.http().post<Booked>(`/api/sessions/${sessionId}/bookings`, { name, phone: "13812345678", topic: "加装电梯", question: "六楼没有电梯", isPublic: false, ...over });

  async function book(sessionId: string, name: string, over: Record<string, unknown> = {}): Promise<Booked> {
    const res = await post(sessionId, name, over);
    if (res.status !== 201) throw new Error(`booking failed: ${res.status} ${res.text}`);
    return res.body;
  }

  function cancel(code: string, token: string | null) {
    return fetch(`${t.url}/api/bookings/${code}/cancel`, { method: "POST", headers: token ? { "x-booking-token": token } : {} }).then(async (r) => ({ status: r.status, body: (await r.json()) as any }));
  }

  async function statusOf(code: string): Promise<BookingPublicView> {
    return (await t.http().get<{ booking: BookingPublicView }>(`/api/bookings/${code}`)).body.booking;
  }

  async function staffList(sessionId: string): Promise<BookingView[]> {
    const res = await t.http("staffShengze").get<{ bookings: BookingView[] }>(`/api/sessions/${sessionId}/bookings`);
    expect(res.status).toBe(200);
    return res.body.bookings;
  }

  const openDay = (sessionId: string) => t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { status: "OPEN" });

  /** What the day holds: its booking rows and the places it has handed out. */
  const dayRows = async (sessionId: string) => ({
    bookings: await t.db.booking.count({ where: { sessionId } }),
    placesHandedOut: (await t.db.receptionSession.findUniqueOrThrow({ where: { id: sessionId }, select: { bookingCount: true } })).bookingCount,
  });

  return { bookableDay, post, book, cancel, statusOf, staffList, openDay, dayRows };
}

describe("bookings", () => {
  const t = useTestServer({ perTest: true });
  const { bookableDay, book, cancel, statusOf, staffList, openDay } = bookingKit(t);

  it("places are booked in order, over capacity a booking is waitlisted, and the public view carries no name or phone", async () => {
    const sessionId = await bookableDay(2);
    const a = await book(sessionId, "张三");
    const b = await book(sessionId, "李四");
    const c = await book(sessionId, "王五", { isPublic: true, topic: "停车难" });
    expect([a, b, c].map((x) => [x.booking.place, x.booking.status])).toEqual([[1, "BOOKED"], [2, "BOOKED"], [3, "WAITLISTED"]]);
    expect(c.booking.waitlistPosition).toBe(1);
    expect(a.booking.code).toMatch(/^[A-Z2-9]{6}$/);

    const seen = await t.http().get(`/api/bookings/${a.booking.code.toLowerCase()}`);
    expect(seen.status).toBe(200);
    expect(seen.text).not.toContain("张三");
    expect(seen.text).not.toContain("13812345678");
    expect(seen.text).not.toContain("六楼");
    expect(seen.body.booking).toMatchObject({ status: "BOOKED", topic: null, session: { title: "预约接待日" } });
    expect((await statusOf(c.booking.code)).topic).toBe("停车难");

    const day = await t.http().get(`/api/sessions/${sessionId}`);
    expect(day.body.session).toMatchObject({ bookingCapacity: 2, placesLeft: 0 });
  });

  it("staff see the day's bookings with full names and masked phones; other towns' staff and voters do not", async () => {
    const sessionId = await bookableDay(3);
    await book(sessionId, "张三");
    const list = await staffList(sessionId);
    expect(list[0]).toMatchObject({ name: "张三", phone: "138****5678", status: "BOOKED", place: 1 });
    expect((await t.http("staffLili").get(`/api/sessions/${sessionId}/bookings`)).status).toBe(403);
    expect((await t.http().get(`/api/sessions/${sessionId}/bookings`)).status).toBe(401);
  });

  it("cancelling a booked place promotes the first of the waitlist; a wrong token or a second cancel is refused", async () => {
    const sessionId = await bookableDay(1);
    const a = await book(sessionId, "甲");
    const b = await book(sessionId, "乙");
    const c = await book(sessionId, "丙");
    expect((await cancel(a.booking.code, b.bookingToken)).status).toBe(403);
    expect((await cancel(a.booking.code, null)).status).toBe(403);
    const done = await cancel(a.booking.code, a.bookingToken);
    expect(done).toMatchObject({ status: 200, body: { booking: { status: "CANCELLED" } } });
    expect(await statusOf(b.booking.code)).toMatchObject({ status: "BOOKED", waitlistPosition: null });
    expect(await statusOf(c.booking.code)).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect((await cancel(a.booking.code, a.bookingToken)).status).toBe(409);
    expect((await cancel("ZZZZZZ", a.bookingToken)).status).toBe(404);
  });

  it("many concurrent bookings and cancellations never book more than the capacity, and the waitlist moves up in booked order", async () => {
    const capacity = 5;
    const sessionId = await bookableDay(capacity);
    const first = await Promise.all(Array.from({ length: 20 }, (_, i) => book(sessionId, `选民${i}`)));
    expect(first.filter((b) => b.booking.status === "BOOKED")).toHaveLength(capacity);

    // Cancel three booked and two waitlisted places while ten more people book.
    const booked = first.filter((b) => b.booking.status === "BOOKED").slice(0, 3);
    const waiting = first.filter((b) => b.booking.status === "WAITLISTED").slice(0, 2);
    const results = await Promise.all([
      ...[...booked, ...waiting].map((b) => cancel(b.booking.code, b.bookingToken)),
      ...Array.from({ length: 10 }, (_, i) => book(sessionId, `后来${i}`)),
    ]);
    expect(results.slice(0, 5).every((r) => (r as { status: number }).status === 200)).toBe(true);

    const all = await staffList(sessionId);
    const placesOf = (status: string) => all.filter((b) => b.status === status).map((b) => b.place);
    expect(placesOf("BOOKED")).toHaveLength(capacity);
    expect(placesOf("CANCELLED")).toHaveLength(5);
    // In order: every booked place comes before every waitlisted one.
    expect(Math.max(...placesOf("BOOKED"))).toBeLessThan(Math.min(...placesOf("WAITLISTED")));
    expect(new Set(all.map((b) => b.place)).size).toBe(30);
    expect(await t.db.booking.count({ where: { sessionId, status: "BOOKED" } })).toBe(capacity);
  });

  it("raising the capacity promotes the waitlist; a day without places refuses bookings; bad input is BAD_REQUEST", async () => {
    const sessionId = await bookableDay(1);
    await book(sessionId, "甲");
    const b = await book(sessionId, "乙");
    expect(b.booking.status).toBe("WAITLISTED");
    expect((await t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { bookingCapacity: 2 })).status).toBe(200);
    expect((await statusOf(b.booking.code)).status).toBe("BOOKED");

    const none = await t.http().post(`/api/sessions/${t.world.shengze.sessionId}/bookings`, { name: "甲", topic: "t", isPublic: false });
    expect(none.status).toBe(409);
    const bad = await t.http().post(`/api/sessions/${sessionId}/bookings`, { name: "", topic: "t", isPublic: "yes" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.details)).toEqual(expect.arrayContaining(["name", "isPublic"]));
  });

  it("a booking window that opens after it closes, or closes after the day ends, is refused naming the field, and changes nothing", async () => {
    const sessionId = await bookableDay(2);
    const before = (await t.http().get(`/api/sessions/${sessionId}`)).body.session;
    const startsAt = new Date(before.startsAt).getTime();
    const endsAt = new Date(before.endsAt).getTime();
    const staff = t.http("staffShengze");
    const late = await staff.patch(`/api/sessions/${sessionId}`, { bookingClosesAt: new Date(endsAt + MIN).toISOString() });
    expect(late.status).toBe(400);
    expect(Object.keys(late.body.error.details)).toEqual(["bookingClosesAt"]);
    const backwards = await staff.patch(`/api/sessions/${sessionId}`, { bookingOpensAt: new Date(startsAt - MIN).toISOString(), bookingClosesAt: new Date(startsAt - 2 * MIN).toISOString() });
    expect(backwards.status).toBe(400);
    expect(Object.keys(backwards.body.error.details)).toEqual(["bookingOpensAt"]);
    expect((await t.http().get(`/api/sessions/${sessionId}`)).body.session).toMatchObject({ bookingOpensAt: before.bookingOpensAt, bookingClosesAt: before.bookingClosesAt });
    const created = await staff.post("/api/sessions", {
      venueId: t.world.shengze.venueId,
      title: "预约接待日",
      startsAt: new Date(startsAt).toISOString(),
      endsAt: new Date(endsAt).toISOString(),
      bookingCapacity: 3,
      bookingOpensAt: new Date(startsAt + MIN).toISOString(),
    });
    expect(created.status).toBe(400);
    expect(Object.keys(created.body.error.details)).toEqual(["bookingOpensAt"]);
    // A window that opens before the day and closes with its start is taken.
    expect((await staff.patch(`/api/sessions/${sessionId}`, { bookingOpensAt: new Date(startsAt - 60 * MIN).toISOString() })).status).toBe(200);
  });

  it("the voter checks in online from the phone: the rank follows the booked slot within one head start, and a second check-in is CONFLICT", async () => {
    const sessionId = await bookableDay(3, 30);
    const [p1, p2, p3] = [await book(sessionId, "一号"), await book(sessionId, "二号"), await book(sessionId, "三号")];
    const phone = await t.connect();
    expect(await call(phone, "booking:checkIn", { code: p1.booking.code, bookingToken: p1.bookingToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    expect((await openDay(sessionId)).status).toBe(200);
    t.clock.advance(40 * MIN); // the day began 10 minutes ago: slots at −10, −2 and +6 minutes
    const now = () => t.clock.now().getTime();
    const one = await ok(phone, "booking:checkIn", { code: p1.booking.code, bookingToken: p1.bookingToken });
    expect(one.ticket).toMatchObject({ channel: "ONLINE", label: "W001", name: "一号", phone: "13812345678" });
    expect(Math.abs(one.ticket.rank - (now() - 10 * MIN))).toBeLessThan(2000);
    const two = await ok(phone, "booking:checkIn", { code: p2.booking.code, bookingToken: p2.bookingToken });
    expect(Math.abs(two.ticket.rank - (now() - 2 * MIN))).toBeLessThan(2000);
    const three = await ok(phone, "booking:checkIn", { code: p3.booking.code, bookingToken: p3.bookingToken });
    expect(Math.abs(three.ticket.rank - now())).toBeLessThan(2000);

    expect(await call(phone, "booking:checkIn", { code: p1.booking.code, bookingToken: p1.bookingToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(phone, "booking:checkIn", { code: p2.booking.code, bookingToken: p1.bookingToken })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await statusOf(p1.booking.code)).toMatchObject({ status: "CHECKED_IN", ticketLabel: "W001" });
    const resumed = await ok(phone, "ticket:resume", { voterToken: one.voterToken });
    expect(resumed.ticket.id).toBe(one.ticket.id);
  });

  it("the desk checks in a booking by its code as an in-person ticket; twice is CONFLICT, another day's code NOT_FOUND, a voter UNAUTHENTICATED", async () => {
    const sessionId = await bookableDay(2, 5);
    const a = await book(sessionId, "李阿婆");
    const other = await book(await bookableDay(2), "别处");
    await openDay(sessionId);
    const desk = await t.connectAs("staffShengze");
    const voter = await t.connect();
    expect(await call(voter, "desk:checkIn", { sessionId, code: a.booking.code })).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const typed = a.booking.code.toLowerCase().replace(/^(...)/, "$1 ");
    const done = await ok(desk, "desk:checkIn", { sessionId, code: typed });
    expect(done.ticket).toMatchObject({ channel: "IN_PERSON", label: "A001", name: "李阿婆", status: "WAITING" });
    expect(await call(desk, "desk:checkIn", { sessionId, code: a.booking.code })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    expect(await call(desk, "desk:checkIn", { sessionId, code: other.booking.code })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(desk, "desk:checkIn", { sessionId, code: "!!" })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
    const listed = await staffList(sessionId);
    expect(listed[0]).toMatchObject({ status: "CHECKED_IN", ticketLabel: "A001", ticketId: done.ticket.id });
  });

  it("bookings not checked in become NO_SHOW when the day ends, and a waitlisted booking cannot check in", async () => {
    const sessionId = await bookableDay(1, 5);
    const came = await book(sessionId, "来了");
    const waiting = await book(sessionId, "候补");
    await openDay(sessionId);
    const phone = await t.connect();
    expect(await call(phone, "booking:checkIn", { code: waiting.booking.code, bookingToken: waiting.bookingToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const absent = await bookableDay(3, 5);
    const gone = await book(absent, "没来");
    await openDay(absent);
    await ok(phone, "booking:checkIn", { code: came.booking.code, bookingToken: came.bookingToken });

    for (const id of [sessionId, absent]) expect((await t.http("staffShengze").patch(`/api/sessions/${id}`, { status: "ENDED" })).status).toBe(200);
    expect((await statusOf(came.booking.code)).status).toBe("CHECKED_IN");
    expect((await statusOf(waiting.booking.code)).status).toBe("NO_SHOW");
    expect((await statusOf(gone.booking.code)).status).toBe("NO_SHOW");
    expect((await cancel(gone.booking.code, gone.bookingToken)).status).toBe(409);
    expect(await call(phone, "booking:checkIn", { code: gone.booking.code, bookingToken: gone.bookingToken })).toMatchObject({ ok: false, error: { code: "CONFLICT" } });

    const record = await t.http("staffShengze").get(`/api/sessions/${sessionId}/record`);
    expect(record.body.bookings.map((b: BookingView) => [b.name, b.status])).toEqual([["来了", "CHECKED_IN"], ["候补", "NO_SHOW"]]);
    const csv = await t.http("staffShengze").get(`/api/sessions/${sessionId}/record.csv?part=bookings`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("未到");
    expect(csv.text).toContain("W001");
    expect(csv.text).not.toContain("13812345678");
  });
});

describe("a booking's status page following it live", () => {
  const t = useTestServer({ perTest: true });
  const { bookableDay, book, cancel, openDay } = bookingKit(t);

  /** The `booking:event`s a socket receives, newest last. */
  function heard(socket: Awaited<ReturnType<TestServerHandle["connect"]>>): BookingPublicView[] {
    const got: BookingPublicView[] = [];
    socket.on("booking:event", (p) => got.push(p.booking));
    return got;
  }

  it("hears its promotion from the waitlist the moment another booking is cancelled, and nothing of other bookings", async () => {
    const sessionId = await bookableDay(1);
    const first = await book(sessionId, "先到");
    const second = await book(sessionId, "候补的");
    const page = await t.connect();
    const events = heard(page);
    const watched = await ok(page, "booking:watch", { code: second.booking.code.toLowerCase() });
    expect(watched.booking).toMatchObject({ code: second.booking.code, status: "WAITLISTED", waitlistPosition: 1 });
    expect(JSON.stringify(watched)).not.toContain("候补的");

    expect((await cancel(first.booking.code, first.bookingToken)).status).toBe(200);
    await expect.poll(() => events.map((b) => [b.code, b.status])).toEqual([[second.booking.code, "BOOKED"]]);
    expect(JSON.stringify(events)).not.toContain("13812345678");
  });

  it("hears the desk's check-in and the lapse at the end; an unknown code is NOT_FOUND and a bad one BAD_REQUEST", async () => {
    const sessionId = await bookableDay(2, 5);
    const came = await book(sessionId, "来了");
    const absent = await book(sessionId, "没来");
    await openDay(sessionId);
    const page = await t.connect();
    const events = heard(page);
    await ok(page, "booking:watch", { code: came.booking.code });
    await ok(page, "booking:watch", { code: absent.booking.code });
    const desk = await t.connectAs("staffShengze");
    await ok(desk, "desk:checkIn", { sessionId, code: came.booking.code });
    await expect.poll(() => events.map((b) => [b.code, b.status, b.ticketLabel])).toEqual([[came.booking.code, "CHECKED_IN", "A001"]]);
    expect((await t.http("staffShengze").patch(`/api/sessions/${sessionId}`, { status: "ENDED" })).status).toBe(200);
    await expect.poll(() => events.at(-1)).toMatchObject({ code: absent.booking.code, status: "NO_SHOW" });

    expect(await call(page, "booking:watch", { code: "ZZZZZZ" })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
    expect(await call(page, "booking:watch", { code: "!!" })).toMatchObject({ ok: false, error: { code: "BAD_REQUEST" } });
  });
});

describe("retrying a booking with its requestId", () => {
  const t = useTestServer({ perTest: true });
  const { bookableDay, post, book, cancel, statusOf, dayRows } = bookingKit(t);

  it("answers a retry with the first booking and its token, and books one place under a session-scoped key", async () => {
    const sessionId = await bookableDay(3);
    const requestId = randomUUID();
    const first = await post(sessionId, "张三", { requestId });
    expect(first.status, first.text).toBe(201);
    // The phone resends after a lost answer (any case of the same UUID is the same request).
    for (const again of [requestId, requestId.toUpperCase()]) {
      const retried = await post(sessionId, "张三", { requestId: again });
      expect(retried.status).toBe(201);
      expect(retried.body).toEqual(first.body);
    }
    expect(await dayRows(sessionId)).toEqual({ bookings: 1, placesHandedOut: 1 });
    expect((await t.http().get(`/api/sessions/${sessionId}`)).body.session.placesLeft).toBe(2);
    // Stored as a hash, the token sealed (never in clear): the next booking takes place 2.
    const stored = await t.db.booking.findUniqueOrThrow({ where: { code: first.body.booking.code } });
    expect(stored.requestKey).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.requestKey).not.toContain(requestId);
    expect(stored.sealedBookingToken).toBeTruthy();
    expect(stored.sealedBookingToken).not.toContain(first.body.bookingToken);
    expect((await book(sessionId, "李四")).booking.place).toBe(2);
    // The token a retry answered is the booking's own: it cancels it.
    expect(await cancel(first.body.booking.code, first.body.bookingToken)).toMatchObject({ status: 200, body: { booking: { status: "CANCELLED" } } });
    // Without a requestId nothing changes: each booking POST is a new booking.
    await book(sessionId, "王五");
    await book(sessionId, "王五");
    expect(await dayRows(sessionId)).toEqual({ bookings: 4, placesHandedOut: 4 });
  });

  it("lets one of several concurrent bookings of one request in, and answers all of them with it", async () => {
    const sessionId = await bookableDay(2);
    const requestId = randomUUID();
    const sent = await Promise.all(Array.from({ length: 6 }, () => post(sessionId, "张三", { requestId })));
    for (const r of sent) expect(r.status, r.text).toBe(201);
    for (const r of sent) expect(r.body).toEqual(sent[0]!.body);
    expect(sent[0]!.body.booking).toMatchObject({ place: 1, status: "BOOKED" });
    expect(await dayRows(sessionId)).toEqual({ bookings: 1, placesHandedOut: 1 });

    // Past the route's read of an earlier answer, the day's lane (and behind it the unique index) keeps one row.
    const input = bookingCreateSchema.parse({ name: "李四", topic: "停车难", isPublic: true, requestId: randomUUID() });
    const raced = await Promise.all([createBooking(t.server.app.deps, sessionId, input), createBooking(t.server.app.deps, sessionId, input)]);
    expect(raced[1]).toEqual(raced[0]);
    expect(await dayRows(sessionId)).toEqual({ bookings: 2, placesHandedOut: 2 });
  });

  it("refuses a requestId that is not a UUID with field details, and books nothing", async () => {
    const sessionId = await bookableDay(3);
    for (const requestId of ["", "retry-1234", "not-a-uuid-at-all-0000000000000000", 42, null, `${randomUUID()}x`]) {
      const r = await post(sessionId, "张三", { requestId });
      const { error } = r.body as unknown as { error: { code: string; details?: Record<string, string> } };
      expect(r.status, JSON.stringify(requestId)).toBe(400);
      expect(error.code).toBe("BAD_REQUEST");
      expect(Object.keys(error.details ?? {})).toEqual(["requestId"]);
    }
    expect(await dayRows(sessionId)).toEqual({ bookings: 0, placesHandedOut: 0 });
  });

  it("treats the same requestId on another day as another booking", async () => {
    const [one, two] = [await bookableDay(3), await bookableDay(3, 48 * 60)];
    const requestId = randomUUID();
    const here = await book(one, "张三", { requestId });
    const there = await book(two, "张三", { requestId });
    expect(there.booking.code).not.toBe(here.booking.code);
    expect(there.bookingToken).not.toBe(here.bookingToken);
    expect([here.booking.sessionId, there.booking.sessionId]).toEqual([one, two]);
    expect([await dayRows(one), await dayRows(two)]).toEqual([{ bookings: 1, placesHandedOut: 1 }, { bookings: 1, placesHandedOut: 1 }]);
    // …and each day's retry answers its own booking.
    expect((await post(two, "张三", { requestId })).body).toEqual(there);
    expect((await post(one, "张三", { requestId })).body).toEqual(here);
  });

  it("still answers a retry with its first booking when the day is full, and when booking has closed", async () => {
    const sessionId = await bookableDay(1, 30);
    const requestId = randomUUID();
    const first = await book(sessionId, "张三", { requestId });
    expect(first.booking.status).toBe("BOOKED");
    expect((await book(sessionId, "李四")).booking.status).toBe("WAITLISTED");
    // Full: a retry is not a new (waitlisted) booking, it is the booked place.
    expect((await post(sessionId, "张三", { requestId })).body).toEqual(first);
    expect(await dayRows(sessionId)).toEqual({ bookings: 2, placesHandedOut: 2 });
    // Closed (the day starts in a minute and booking closed at its start): new bookings are refused, a retry is answered.
    t.clock.advance(31 * MIN);
    expect((await post(sessionId, "王五")).status).toBe(409);
    expect((await post(sessionId, "王五", { requestId: randomUUID() })).status).toBe(409);
    const late = await post(sessionId, "张三", { requestId });
    expect(late.status).toBe(201);
    expect(late.body).toEqual(first);
    expect((await statusOf(first.booking.code)).status).toBe("BOOKED");
    expect(await dayRows(sessionId)).toEqual({ bookings: 2, placesHandedOut: 2 });
  });
});

describe("a booking retry from an address at its limit", () => {
  const t = useTestServer({ config: { joinLimitPerIpPerMin: 2 } });
  const { bookableDay, post, dayRows } = bookingKit(t);

  it("is still answered with the first booking and token, and is not counted", async () => {
    const sessionId = await bookableDay(5);
    const requestId = randomUUID();
    const first = await post(sessionId, "张三", { requestId });
    expect(first.status).toBe(201);
    expect((await post(sessionId, "李四")).status).toBe(201);
    expect((await post(sessionId, "王五")).status).toBe(429);
    for (let i = 0; i < 3; i++) {
      const again = await post(sessionId, "张三", { requestId });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    }
    expect((await post(sessionId, "王五", { requestId: randomUUID() })).status).toBe(429);
    expect(await dayRows(sessionId)).toEqual({ bookings: 2, placesHandedOut: 2 });
  });
});
