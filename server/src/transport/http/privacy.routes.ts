/**
 * Personal data over HTTP (docs/ARCHITECTURE.md §6c, docs/PRIVACY.md): the privacy notice
 * (public) and its versions (admin), the audit of who looked (admin), the
 * retention preview (admin), the audited "show phone" of staff screens, and
 * the voter's own data and erase (header x-voter-token). Nothing is cached.
 */
import { Router, type Request } from "express";
import { z } from "zod";
import { auditQuerySchema, noticeCreateSchema } from "../../protocol/privacy.ts";
import { listAudit, verifyAudit } from "../../services/audit.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { revealCaseContact, revealTicketPhone } from "../../services/pii-reveal.ts";
import { currentNotice, noticeHistory, publishNotice } from "../../services/privacy-notice.ts";
import { retentionPreview, runRetentionAsAdmin } from "../../services/retention.ts";
import { eraseMyData, myData } from "../../services/voter-data.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

const idParam = z.object({ id: z.string().min(1).max(64) });
const voterTokenOf = (req: Request): string | undefined => {
  const v = req.headers["x-voter-token"];
  return typeof v === "string" ? v.trim() : undefined;
};

export function privacyRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const staff = roleGate(deps);
  const admin = roleGate(deps, ["ADMIN"]);
  r.use((_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });

  r.get("/privacy-notice", route(async (_req, res) => {
    res.json({ notice: await currentNotice(deps) });
  }));
  r.get("/admin/privacy-notice", admin, route(async (req, res) => {
    res.json(await noticeHistory(deps, await callerOf(deps, req, res)));
  }));
  r.post("/admin/privacy-notice", admin, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.status(201).json({ notice: await publishNotice(deps, actor, parse(noticeCreateSchema, req.body)) });
  }));

  r.get("/audit/verify", admin, route(async (req, res) => {
    res.json(await verifyAudit(deps, await callerOf(deps, req, res)));
  }));
  r.get("/audit", admin, route(async (req, res) => {
    const actor = await callerOf(deps, req, res);
    res.json(await listAudit(deps, actor, parse(auditQuerySchema, req.query)));
  }));

  r.get("/admin/retention", admin, route(async (req, res) => {
    res.json(await retentionPreview(deps, await callerOf(deps, req, res)));
  }));
  r.post("/admin/retention/run", admin, route(async (req, res) => {
    res.json(await runRetentionAsAdmin(deps, await callerOf(deps, req, res)));
  }));

  r.post("/tickets/:id/phone", staff, route(async (req, res) => {
    res.json(await revealTicketPhone(deps, await callerOf(deps, req, res), parse(idParam, req.params).id));
  }));
  r.get("/cases/:id/contact", staff, route(async (req, res) => {
    res.json(await revealCaseContact(deps, await callerOf(deps, req, res), parse(idParam, req.params).id));
  }));

  r.get("/me/data", route(async (req, res) => {
    const data = await myData(deps, voterTokenOf(req));
    res.setHeader("Content-Disposition", 'attachment; filename="tongxin-my-data.json"');
    res.json(data);
  }));
  r.post("/me/erase", route(async (req, res) => {
    res.json(await eraseMyData(deps, voterTokenOf(req)));
  }));
  return r;
}
