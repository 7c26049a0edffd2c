/** A reception day's record as files: CSV exports, printable minutes, and the audit trail (docs/ARCHITECTURE.md §6). */
import { recordCsvQuerySchema, type AuditLine } from "../back-office.ts";
import { exportPhonesSchema } from "../privacy.ts";
import { idParam } from "./params.ts";
import { entry, file, json } from "./route.ts";

const tag = "records";
const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;

export const recordRoutes = {
  "GET /api/sessions/:id/record.csv": entry({
    summary: "One table of a day's record as CSV: tickets, transcript, events, bookings or agenda (full phones for an admin only)",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    query: recordCsvQuerySchema.extend(exportPhonesSchema.shape),
    reply: file("text/csv; charset=utf-8"),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/sessions/:id/minutes": entry({
    summary: "The day's minutes as a printable page",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    reply: file("text/html; charset=utf-8"),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/sessions/:id/audit": entry({
    summary: "The day's event log with who did what",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    reply: json<{ events: AuditLine[] }>(),
    refuses: ["NOT_FOUND"],
  }),
} as const;
