/** A reception day's record as files: CSV exports, printable minutes, and the audit trail. */
import { str } from "../../protocol/schemas.ts";
import { Router } from "express";
import { z } from "zod";
import { recordCsvQuerySchema } from "../../protocol/back-office.ts";
import { exportPhonesSchema } from "../../protocol/privacy.ts";
import type { ServiceDeps } from "../../services/deps.ts";
import { minutesHtml, recordCsv, sessionAudit } from "../../services/record-exports.ts";
import { sendFile } from "./download.ts";
import { parse, route } from "./http-kit.ts";
import { callerOf, roleGate } from "./role-gate.ts";

const idParam = z.object({ id: str().min(1).max(64) });

export function recordRoutes(deps: ServiceDeps): Router {
  const r = Router();
  const staff = roleGate(deps);

  r.get("/sessions/:id/record.csv", staff, route(async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { part } = parse(recordCsvQuerySchema, req.query);
    const { phones } = parse(exportPhonesSchema, { phones: req.query.phones });
    const file = await recordCsv(deps, await callerOf(deps, req, res), id, part, phones);
    sendFile(res, { type: "text/csv; charset=utf-8", filename: file.filename, body: file.body });
  }));

  r.get("/sessions/:id/minutes", staff, route(async (req, res) => {
    const { id } = parse(idParam, req.params);
    const { filename, html } = await minutesHtml(deps, await callerOf(deps, req, res), id);
    sendFile(res, { type: "text/html; charset=utf-8", filename, body: html, inline: true });
  }));

  r.get("/sessions/:id/audit", staff, route(async (req, res) => {
    const { id } = parse(idParam, req.params);
    res.setHeader("Cache-Control", "no-store");
    res.json(await sessionAudit(deps, await callerOf(deps, req, res), id));
  }));
  return r;
}
