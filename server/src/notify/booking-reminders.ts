/**
 * Booking reminders: one the day before and one an hour before the day
 * starts, to every BOOKED voter. Each reminder is claimed in the database
 * (remindedDayAt / remindedHourAt set where still null) before it is sent,
 * so two nodes or a restart never send it twice.
 */
import { every } from "./every.ts";
import type { Db } from "../store/prisma.ts";
import type { Notification, NotificationKind, Notifier } from "./notifier.ts";
import { cnFormat } from "../domain/cn-calendar.ts";

const HOUR_MS = 3_600_000;

const CN_TIME = cnFormat("zh-CN", { month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });

function reminderText(kind: NotificationKind, venueName: string, startsAt: Date, code: string): string {
  const when = CN_TIME.format(startsAt);
  return kind === "booking.reminder.day"
    ? `【同心】您预约了 ${when} 在${venueName}的代表接待，预约码 ${code}。到场请出示预约码；不能前来请取消预约。`
    : `【同心】您预约的代表接待将于 ${when} 在${venueName}开始，预约码 ${code}，请准时签到。`;
}

const WINDOWS: { kind: NotificationKind; field: "remindedDayAt" | "remindedHourAt"; aheadMs: number }[] = [
  { kind: "booking.reminder.day", field: "remindedDayAt", aheadMs: 24 * HOUR_MS },
  { kind: "booking.reminder.hour", field: "remindedHourAt", aheadMs: HOUR_MS },
];

/** Sends every reminder due at `now`; returns how many went out. */
export async function sendDueReminders(db: Db, notifier: Notifier, now: Date): Promise<number> {
  let sent = 0;
  for (const w of WINDOWS) {
    const due = await db.booking.findMany({
      where: {
        status: "BOOKED",
        [w.field]: null,
        session: { status: { not: "ENDED" }, startsAt: { gt: now, lte: new Date(now.getTime() + w.aheadMs) } },
      },
      include: { session: { include: { venue: { select: { name: true } } } } },
      take: 500,
    });
    for (const b of due) {
      // The hour's reminder makes the day's one pointless: a late booking gets only the nearer one.
      const claimed = await db.booking.updateMany({
        where: { id: b.id, [w.field]: null },
        data: w.kind === "booking.reminder.hour" ? { remindedHourAt: now, remindedDayAt: b.remindedDayAt ?? now } : { remindedDayAt: now },
      });
      if (claimed.count !== 1) continue;
      if (w.kind === "booking.reminder.day" && b.session.startsAt.getTime() - now.getTime() <= HOUR_MS) continue;
      const n: Notification = {
        kind: w.kind,
        phone: b.phone,
        text: reminderText(w.kind, b.session.venue.name, b.session.startsAt, b.code),
        bookingCode: b.code,
        sessionId: b.sessionId,
        startsAt: b.session.startsAt.toISOString(),
      };
      try {
        await notifier.send(n);
        sent++;
      } catch {
        // The driver logged why; a reminder is best-effort and not retried forever.
      }
    }
  }
  return sent;
}

/** Checks for due reminders every `intervalMs` until stopped. */
export function startReminderLoop(db: Db, notifier: Notifier, now: () => Date, intervalMs: number): () => Promise<void> {
  // A failed check (the database busy or closing) is tried again at the next tick.
  return every(intervalMs, () => sendDueReminders(db, notifier, now()));
}
