/** A reception day's record as files: CSV exports, printable minutes, and the audit trail. */
import { Router } from "express";
import type { ServiceDeps } from "../../services/deps.ts";
import { minutesHtml, recordCsv, sessionAudit } from "../../services/records-and-cases/record-exports.ts";
import { mounter } from "./mount.ts";

export function recordRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const mount = mounter(r, deps, "/api");
  mount("GET /api/sessions/:id/record.csv", ({ caller, params, query }) => recordCsv(deps, caller, params.id, query.part, query.phones));
  mount("GET /api/sessions/:id/minutes", async ({ caller, params }) => {
    const { filename, html } = await minutesHtml(deps, caller, params.id);
    return { filename, body: html, inline: true };
  });
  mount("GET /api/sessions/:id/audit", async ({ caller, params, res }) => {
    res.setHeader("Cache-Control", "no-store");
    return sessionAudit(deps, caller, params.id);
  });
  return r;
}
