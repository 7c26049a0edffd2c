/**
 * Notifications to voters (booking reminders), through a driver chosen by
 * configuration: `log` (default: writes that a reminder went out — code and
 * kind, never the phone) or `webhook` (POSTs JSON to NOTIFY_WEBHOOK_URL, so a
 * station can plug in its SMS gateway; retried with backoff).
 *
 * A message carries only what delivering it needs: the phone to send to, the
 * text, the booking code and the day's time — no name, no topic, no question.
 * Staff's weekly digests go through the same drivers (DigestNotifier).
 */
import type { Logger } from "../logger.ts";
import type { WeeklyDigest } from "../protocol/nudges.ts";
import type { SuggestionReminderMessage } from "../protocol/suggestions.ts";

export type NotificationKind = "booking.reminder.day" | "booking.reminder.hour";

export interface Notification {
  kind: NotificationKind;
  /** where an SMS gateway delivers it; null when the voter gave no phone (the log driver still records it) */
  phone: string | null;
  text: string;
  bookingCode: string;
  sessionId: string;
  startsAt: string;
}

export interface Notifier {
  /** resolves when delivered, rejects when the driver gave up */
  send(n: Notification): Promise<void>;
}

export function logNotifier(log: Logger): Notifier {
  return {
    async send(n) {
      log.info("notify", { kind: n.kind, bookingCode: n.bookingCode, sessionId: n.sessionId, hasPhone: n.phone !== null });
    },
  };
}

export interface WebhookOptions {
  url: string;
  /** sent as `x-tongxin-secret` so the gateway can tell the station's calls apart */
  secret?: string | null;
  attempts?: number;
  /** first retry after this long; each next one waits twice as long */
  backoffMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/**
 * POSTs `body` as JSON; a network error, a timeout or a 5xx/429 is retried,
 * other 4xx are final. `what` is logged when it gives up (no personal data).
 */
async function postWithRetry(opts: WebhookOptions, body: unknown, what: Record<string, unknown>, log: Logger): Promise<void> {
  const attempts = Math.max(1, opts.attempts ?? 4);
  const backoffMs = opts.backoffMs ?? 1000;
  const sleep = opts.sleep ?? defaultSleep;
  let lastError = "";
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(opts.url, {
        method: "POST",
        headers: { "content-type": "application/json", ...(opts.secret ? { "x-tongxin-secret": opts.secret } : {}) },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
      if (res.ok) return;
      lastError = `status ${res.status}`;
      if (res.status < 500 && res.status !== 429) break;
    } catch (e) {
      lastError = e instanceof Error ? e.name : "error";
    }
    if (attempt < attempts) await sleep(backoffMs * 2 ** (attempt - 1));
  }
  log.warn("notify failed", { ...what, error: lastError });
  throw new Error(`webhook notification failed: ${lastError}`);
}

/** POSTs the notification as JSON (postWithRetry). */
export function webhookNotifier(opts: WebhookOptions, log: Logger): Notifier {
  return {
    send: (n) => postWithRetry(opts, n, { kind: n.kind, bookingCode: n.bookingCode }, log),
  };
}

/** The staff's weekly digest (notify/weekly-digest.ts), through the same drivers. */
export interface DigestNotifier {
  /** resolves when delivered, rejects when the driver gave up */
  sendDigest(d: WeeklyDigest): Promise<void>;
}

/** What the log driver records of a digest: kind, venue, week and counts — no names, no case data. */
export function digestLogFields(d: WeeklyDigest): Record<string, unknown> {
  return {
    kind: d.kind,
    venueId: d.venueId,
    week: d.week,
    recipients: d.recipients.length,
    overdue: d.counts.overdue,
    dueSoon: d.counts.dueSoon,
    days: d.counts.days,
    noActivity: d.items.some((i) => i.type === "no-activity"),
  };
}

export function logDigestNotifier(log: Logger): DigestNotifier {
  return {
    async sendDigest(d) {
      log.info("notify", digestLogFields(d));
    },
  };
}

/** POSTs the digest as JSON, `{kind: "weekly-digest", venueId, venueName, week, recipients, items, …}`. */
export function webhookDigestNotifier(opts: WebhookOptions, log: Logger): DigestNotifier {
  return {
    sendDigest: (d) => postWithRetry(opts, d, { kind: d.kind, venueId: d.venueId, week: d.week }, log),
  };
}

/** Suggestions' deadline reminders (notify/suggestion-reminders.ts), through the same drivers. */
export interface SuggestionNotifier {
  /** resolves when delivered, rejects when the driver gave up */
  sendSuggestionReminder(m: SuggestionReminderMessage): Promise<void>;
}

/** What the log driver records of a suggestion's reminder: ids and counts — never the contact, the title or a name. */
export function suggestionReminderLogFields(m: SuggestionReminderMessage): Record<string, unknown> {
  return { kind: m.kind, suggestionId: m.suggestionId, number: m.number, departmentId: m.departmentId, recipients: m.recipients.length, hasContact: m.contact !== null };
}

export function logSuggestionNotifier(log: Logger): SuggestionNotifier {
  return {
    async sendSuggestionReminder(m) {
      log.info("notify", suggestionReminderLogFields(m));
    },
  };
}

/** POSTs the reminder as JSON, `{kind: "suggestion.reminder.due15" | … , number, contact, recipients, text, …}`. */
export function webhookSuggestionNotifier(opts: WebhookOptions, log: Logger): SuggestionNotifier {
  return {
    sendSuggestionReminder: (m) => postWithRetry(opts, m, { kind: m.kind, suggestionId: m.suggestionId }, log),
  };
}
