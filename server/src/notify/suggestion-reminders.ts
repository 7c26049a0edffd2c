/**
 * Deadline reminders of deputies' suggestions (docs/ARCHITECTURE.md §6e): the
 * lead department 15 days and 3 days before an assigned suggestion's deadline,
 * the office once it is overdue (rule: domain/suggestion-reminders.ts). Each
 * reminder is claimed first by inserting its SuggestionReminder row — unique
 * per suggestion, kind, department and deadline — so two nodes, two ticks or a
 * restart never send it twice, and a new deadline (a reassignment, the second
 * handling) is reminded afresh. A crash between claim and send loses that
 * reminder rather than repeating it; a failed send is marked `failed` and not
 * retried (the webhook driver already retries).
 */
import { every } from "./every.ts";
import { reminderOwed, reminderText, REMINDER_DAYS, type ReminderKind } from "../domain/suggestion-reminders.ts";
import type { SuggestionReminderMessage } from "../protocol/suggestions.ts";
import type { Db } from "../store/prisma.ts";
import { isUniqueViolation } from "../store/unique-violation.ts";
import type { SuggestionNotifier } from "./notifier.ts";

const DAY_MS = 24 * 60 * 60 * 1000;
const KIND: Record<ReminderKind, SuggestionReminderMessage["kind"]> = {
  due15: "suggestion.reminder.due15",
  due3: "suggestion.reminder.due3",
  overdue: "suggestion.overdue",
};

interface ClaimKey {
  suggestionId: string;
  kind: ReminderKind;
  departmentId: string;
  dueAt: Date;
}

/** Inserts the reminder's row; false when another node (or tick) has it already. */
async function claim(db: Db, key: ClaimKey, state: "claimed" | "skipped", now: Date): Promise<boolean> {
  try {
    await db.suggestionReminder.create({ data: { ...key, state, at: now } });
    return true;
  } catch (e) {
    if (isUniqueViolation(e)) return false;
    throw e;
  }
}

/** The office of a suggestion: the staff of the venues its concerns were heard at, and the admins. */
async function officeRecipients(db: Db, venueIds: string[]): Promise<SuggestionReminderMessage["recipients"]> {
  const rows = await db.user.findMany({
    where: { disabled: false, OR: [{ role: "ADMIN" }, { role: "STAFF", venues: { some: { venueId: { in: venueIds } } } }] },
    select: { id: true, displayName: true },
    orderBy: { username: "asc" },
  });
  return rows.map((u) => ({ userId: u.id, displayName: u.displayName }));
}

/** A department as a reminder needs it: its name, its contact, its active accounts. */
const DEPARTMENT_TO_REMIND = {
  id: true,
  name: true,
  contact: true,
  users: { where: { disabled: false, role: "DEPARTMENT" }, select: { id: true, displayName: true }, orderBy: { username: "asc" } },
} as const;

/** Sends every suggestion reminder owed at `now` that no node has claimed yet; returns how many went out. */
export async function sendDueSuggestionReminders(db: Db, notifier: SuggestionNotifier, now: Date): Promise<number> {
  const due = await db.suggestion.findMany({
    where: { status: { in: ["ASSIGNED", "COUNTERSIGNING"] }, leadDepartmentId: { not: null }, dueAt: { not: null, lte: new Date(now.getTime() + REMINDER_DAYS.due15 * DAY_MS) } },
    select: {
      id: true,
      number: true,
      title: true,
      dueAt: true,
      leadDepartment: { select: DEPARTMENT_TO_REMIND },
      coDepartments: { select: { department: { select: DEPARTMENT_TO_REMIND } } },
      cases: { select: { case: { select: { venueId: true } } } },
      reminders: { select: { kind: true, departmentId: true, dueAt: true } },
    },
    orderBy: [{ dueAt: "asc" }, { id: "asc" }],
    take: 500,
  });
  let sent = 0;
  for (const s of due) {
    const lead = s.leadDepartment;
    if (!lead || !s.dueAt) continue;
    const owed = reminderOwed(s.dueAt, now);
    if (!owed) continue;
    const dueAt = s.dueAt;
    // Before the deadline the helper departments (协办) are reminded too, each once: their part (and
    // their countersign, 会签) is due by the same date. Overdue is the office's to hear, once.
    const departments = owed.send === "overdue" ? [lead] : [lead, ...s.coDepartments.map((c) => c.department)];
    for (const dept of departments) {
      const known = (kind: ReminderKind) => s.reminders.some((r) => r.kind === kind && r.departmentId === dept.id && r.dueAt.getTime() === dueAt.getTime());
      if (known(owed.send)) continue;
      // The earlier reminders are passed over for good: a late one would say what is no longer true.
      for (const kind of owed.skip) if (!known(kind)) await claim(db, { suggestionId: s.id, kind, departmentId: dept.id, dueAt }, "skipped", now);
      const key = { suggestionId: s.id, kind: owed.send, departmentId: dept.id, dueAt };
      if (!(await claim(db, key, "claimed", now))) continue;

      const toOffice = owed.send === "overdue";
      const message: SuggestionReminderMessage = {
        kind: KIND[owed.send],
        suggestionId: s.id,
        number: s.number,
        title: s.title,
        dueAt: dueAt.toISOString(),
        departmentId: dept.id,
        departmentName: dept.name,
        contact: toOffice ? null : dept.contact,
        recipients: toOffice
          ? await officeRecipients(db, [...new Set(s.cases.map((c) => c.case.venueId))])
          : dept.users.map((u) => ({ userId: u.id, displayName: u.displayName })),
        text: reminderText(owed.send, { number: s.number, title: s.title, departmentName: dept.name, dueAt }, now),
        at: now.toISOString(),
      };
      let state = "sent";
      try {
        await notifier.sendSuggestionReminder(message);
        sent++;
      } catch {
        // The driver logged why; the claim stays, so the reminder is not repeated.
        state = "failed";
      }
      await db.suggestionReminder.updateMany({ where: key, data: { state } });
    }
  }
  return sent;
}

/** Checks for owed reminders every `intervalMs`; the returned stop waits for a check in flight. */
export function startSuggestionReminderLoop(db: Db, notifier: SuggestionNotifier, now: () => Date, intervalMs: number): () => Promise<void> {
  // A failed check (the database busy or closing) is tried again at the next tick.
  return every(intervalMs, () => sendDueSuggestionReminders(db, notifier, now()));
}
