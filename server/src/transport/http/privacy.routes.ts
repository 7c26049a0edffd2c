/**
 * Personal data over HTTP (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the privacy notice
 * (public) and its versions (admin), the audit of who looked (admin), the
 * retention preview (admin), the audited "show phone" of staff screens, and
 * the voter's own data and erase (header x-voter-token). Nothing is cached.
 */
import { Router, type Request } from "express";
import { listAudit, verifyAudit } from "../../services/privacy-and-accounts/audit.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { revealCaseContact, revealTicketPhone } from "../../services/privacy-and-accounts/pii-reveal.ts";
import { currentNotice, noticeHistory, publishNotice } from "../../services/privacy-and-accounts/privacy-notice.ts";
import { retentionPreview, runRetentionAsAdmin } from "../../services/privacy-and-accounts/retention.ts";
import { eraseMyData, myData } from "../../services/privacy-and-accounts/voter-data.ts";
import { mounter } from "./mount.ts";

const voterTokenOf = (req: Request): string | undefined => {
  const v = req.headers["x-voter-token"];
  return typeof v === "string" ? v.trim() : undefined;
};

export function privacyRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  // Every /api request passes this router (app.ts mounts it early), so this
  // no-store also covers the routes mounted after it that set no other Cache-Control.
  r.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  mount("GET /api/privacy-notice", async () => ({ notice: await currentNotice(deps) }));
  mount("GET /api/admin/privacy-notice", ({ caller }) => noticeHistory(deps, caller));
  mount("POST /api/admin/privacy-notice", async ({ caller, body }) => ({ notice: await publishNotice(deps, caller, body) }));

  mount("GET /api/audit/verify", ({ caller }) => verifyAudit(deps, caller));
  mount("GET /api/audit", ({ caller, query }) => listAudit(deps, caller, query));

  mount("GET /api/admin/retention", ({ caller }) => retentionPreview(deps, caller));
  mount("POST /api/admin/retention/run", ({ caller }) => runRetentionAsAdmin(deps, caller));

  mount("POST /api/tickets/:id/phone", ({ caller, params }) => revealTicketPhone(deps, caller, params.id));
  mount("GET /api/cases/:id/contact", ({ caller, params }) => revealCaseContact(deps, caller, params.id));

  mount("GET /api/me/data", async ({ req, res }) => {
    const data = await myData(deps, voterTokenOf(req));
    res.setHeader("Content-Disposition", 'attachment; filename="tongxin-my-data.json"');
    return data;
  });
  mount("POST /api/me/erase", ({ req }) => eraseMyData(deps, voterTokenOf(req)));
  return r;
}
