/**
 * The message box (全天候, docs/ARCHITECTURE.md §6d): a voter leaves a concern at a station
 * (or for one of its deputies) any day, without a login, and gets a tracking
 * code at once. It becomes a case (source MESSAGE) that staff triage like any
 * other; the message's own words and contact live in its VoterMessage.
 *
 * The tracking code is the voter's only credential, so it also opens their
 * data rights: what is stored (`messageData`) and erase (`eraseMessage`).
 */
import { consentVersionKnown, maskPhone } from "../../domain/privacy.ts";
import { AppError } from "../../protocol/errors.ts";
import type { MessageCreate, MessageDataExport, MessageStaffView } from "../../protocol/messages.ts";
import { anonymizeMessages } from "../../store/anonymize.ts";
import type { Db, Tx } from "../../store/prisma.ts";
import type { ServiceDeps } from "../deps.ts";
import { currentNoticeVersion } from "../privacy-and-accounts/privacy-notice.ts";
import { once, requestKey as requestKeyOf } from "../request-once.ts";
import { trackingCode } from "../privacy-and-accounts/secrets.ts";

/** The category a message starts in; staff re-classify it when they triage. */
export const MESSAGE_CATEGORY = "群众留言";

const badRequest = (details: Record<string, string>) => new AppError("BAD_REQUEST", "请求内容有误 / invalid request", details);

/** An active DEPUTY account of the venue, or the reason it is not one. */
async function deputyOfVenue(db: Db | Tx, deputyId: string, venueId: string): Promise<string | null> {
  const u = await db.user.findUnique({ where: { id: deputyId }, select: { role: true, disabled: true, venues: { where: { venueId }, select: { venueId: true } } } });
  if (!u || u.role !== "DEPUTY" || u.disabled) return "no such deputy";
  if (!u.venues.length) return "not a deputy of this venue";
  return null;
}

/**
 * The answer already given to this requestId at this venue (a retry after a
 * lost answer), or null. Read before the per-address limit, so a retry is
 * answered even from an address that has used its hour.
 */
export async function answeredMessage(db: Db, venueId: string, requestId: string): Promise<{ trackingCode: string } | null> {
  return answerOfKey(db, requestKeyOf("message", venueId, requestId));
}

async function answerOfKey(db: Db, requestKey: string): Promise<{ trackingCode: string } | null> {
  const row = await db.voterMessage.findUnique({ where: { requestKey }, select: { case: { select: { trackingCode: true } } } });
  return row ? { trackingCode: row.case.trackingCode } : null;
}

/**
 * Leaves a message. With a requestId it is idempotent: the unique index on
 * `requestKey` lets one row in, so a second send of the same request — after
 * the first committed, or racing it — fails its insert and answers with the
 * first message's code instead.
 */
export async function leaveMessage(deps: ServiceDeps, venueId: string, input: MessageCreate): Promise<{ trackingCode: string }> {
  const requestKey = input.requestId ? requestKeyOf("message", venueId, input.requestId) : null;
  return once(requestKey, async () => ({ trackingCode: await createMessage(deps, venueId, input, requestKey) }), (key) => answerOfKey(deps.db, key));
}

async function createMessage(deps: ServiceDeps, venueId: string, input: MessageCreate, requestKey: string | null): Promise<string> {
  const now = deps.now();
  return deps.db.$transaction(async (tx) => {
    const venue = await tx.venue.findUnique({ where: { id: venueId }, select: { id: true } });
    if (!venue) throw new AppError("NOT_FOUND", "没有这个联络站 / no such venue");
    const problems: Record<string, string> = {};
    if (input.consentVersion !== undefined && !consentVersionKnown(input.consentVersion, await currentNoticeVersion(tx))) {
      problems.consentVersion = "unknown notice version";
    }
    if (input.deputyId) {
      const why = await deputyOfVenue(tx, input.deputyId, venue.id);
      if (why) problems.deputyId = why;
    }
    if (Object.keys(problems).length) throw badRequest(problems);
    const row = await tx.case.create({
      data: {
        trackingCode: await freshTrackingCode(tx),
        source: "MESSAGE",
        venueId: venue.id,
        category: MESSAGE_CATEGORY,
        summary: input.topic,
        createdAt: now,
        updatedAt: now,
        events: { create: { type: "created", toStatus: "OPEN", at: now } },
        message: {
          create: {
            deputyId: input.deputyId ?? null,
            name: input.name,
            phone: input.phone ?? null,
            topic: input.topic,
            text: input.text,
            isPublic: input.isPublic,
            consentVersion: input.consentVersion ?? null,
            consentAt: input.consentVersion !== undefined ? now : null,
            createdAt: now,
            requestKey,
          },
        },
      },
      select: { trackingCode: true },
    });
    return row.trackingCode;
  });
}

/** A code no case has yet; a collision (one in ~850 billion per case) draws again. */
async function freshTrackingCode(tx: Tx): Promise<string> {
  for (let i = 0; i < 8; i++) {
    const code = trackingCode();
    if (!(await tx.case.findUnique({ where: { trackingCode: code }, select: { id: true } }))) return code;
  }
  throw new Error("could not draw a free tracking code");
}

type MessageRow = { name: string; phone: string | null; topic: string; text: string; isPublic: boolean; deputyId: string | null; consentVersion: number | null; consentAt: Date | null; anonymizedAt: Date | null; createdAt: Date };

async function deputyName(db: Db, deputyId: string | null): Promise<string | null> {
  if (!deputyId) return null;
  return (await db.user.findUnique({ where: { id: deputyId }, select: { displayName: true } }))?.displayName ?? null;
}

/** The staff case page's view of a message: phone masked. */
export async function messageStaffView(db: Db, m: MessageRow | null): Promise<MessageStaffView | null> {
  if (!m) return null;
  return {
    name: m.name,
    phone: maskPhone(m.phone),
    topic: m.topic,
    text: m.text,
    isPublic: m.isPublic,
    deputyId: m.deputyId,
    deputyName: await deputyName(db, m.deputyId),
    consentVersion: m.consentVersion,
    anonymized: m.anonymizedAt !== null,
    createdAt: m.createdAt.toISOString(),
  };
}

async function messageOfCode(deps: ServiceDeps, code: string) {
  const c = await deps.db.case.findUnique({ where: { trackingCode: code.trim().toUpperCase() }, select: { id: true, message: true } });
  if (!c?.message) throw new AppError("NOT_FOUND", "没有这个留言 / no message with this tracking code");
  return { caseId: c.id, message: c.message };
}

/** GET /api/track/:code/data — everything stored about the message, in full, to the code's holder. */
export async function messageData(deps: ServiceDeps, code: string): Promise<MessageDataExport> {
  const { message: m } = await messageOfCode(deps, code);
  return {
    exportedAt: deps.now().toISOString(),
    message: {
      name: m.name,
      phone: m.phone,
      topic: m.topic,
      text: m.text,
      isPublic: m.isPublic,
      deputyName: await deputyName(deps.db, m.deputyId),
      consent: { version: m.consentVersion, at: m.consentAt?.toISOString() ?? null },
      createdAt: m.createdAt.toISOString(),
      anonymizedAt: m.anonymizedAt?.toISOString() ?? null,
    },
  };
}

/** POST /api/track/:code/erase — name, phone and text anonymized at once, as retention does; the case and its code stay. */
export async function eraseMessage(deps: ServiceDeps, code: string): Promise<MessageDataExport> {
  const { caseId, message } = await messageOfCode(deps, code);
  if (!message.anonymizedAt) await deps.db.$transaction((tx) => anonymizeMessages(tx, [caseId], deps.now()));
  return messageData(deps, code);
}
