/**
 * The privacy notice (告知) lives in one place, the PrivacyNotice table:
 * every change is a new version, the highest is current, and tickets record
 * the version the voter saw. Version 1 is seeded by the migration.
 */
import { fillNotice } from "../../domain/privacy.ts";
import { AppError } from "../../protocol/errors.ts";
import type { NoticeCreateInput, NoticeVersion, PrivacyNoticeView } from "../../protocol/privacy.ts";
import type { Db, Tx } from "../../store/prisma.ts";
import { requireRole } from "./auth.ts";
import type { Actor, ServiceDeps } from "../deps.ts";

/** The current version number (0 if none was ever published). */
export async function currentNoticeVersion(db: Db | Tx): Promise<number> {
  const row = await db.privacyNotice.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
  return row?.version ?? 0;
}

function toView(row: { version: number; textZh: string; textEn: string; createdAt: Date }, retentionDays: number): PrivacyNoticeView {
  return {
    version: row.version,
    text: { "zh-CN": fillNotice(row.textZh, retentionDays), en: fillNotice(row.textEn, retentionDays) },
    createdAt: row.createdAt.toISOString(),
    retentionDays,
  };
}

export async function currentNotice(deps: ServiceDeps): Promise<PrivacyNoticeView> {
  const row = await deps.db.privacyNotice.findFirst({ orderBy: { version: "desc" } });
  if (!row) throw new AppError("NOT_FOUND", "尚未发布个人信息告知 / no privacy notice published");
  return toView(row, deps.config.retentionDays);
}

/** The admin's raw texts of the current notice ({retentionDays} left in), for editing. */
export async function noticeHistory(deps: ServiceDeps, actor: Actor): Promise<{ versions: NoticeVersion[] }> {
  requireRole(actor, ["ADMIN"]);
  const rows = await deps.db.privacyNotice.findMany({ orderBy: { version: "desc" }, take: 50 });
  return { versions: rows.map((r) => ({ version: r.version, textZh: r.textZh, textEn: r.textEn, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy })) };
}

/** A changed notice is a new version; earlier ones stay, as tickets point at them. */
export async function publishNotice(deps: ServiceDeps, actor: Actor, input: NoticeCreateInput): Promise<PrivacyNoticeView> {
  const user = requireRole(actor, ["ADMIN"]);
  const row = await deps.db.$transaction(async (tx) => {
    const version = (await currentNoticeVersion(tx)) + 1;
    return tx.privacyNotice.create({ data: { version, textZh: input.textZh, textEn: input.textEn, createdAt: deps.now(), createdBy: user.username } });
  });
  return toView(row, deps.config.retentionDays);
}
