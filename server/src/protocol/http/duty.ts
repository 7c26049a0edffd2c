/** 履职 records (deputies' duty) and their per-deputy scoring (docs/ARCHITECTURE.md §6). */
import { z } from "zod";
import { dutyActivitySchema, dutyQuerySchema, dutyWeightsSchema, type DeputyRecord, type DutyActivityView, type DutyTable, type DutyWeightsView } from "../duty.ts";
import { entry, file, json } from "./route.ts";

const tag = "duty";
const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;
const nameParam = z.object({ name: z.string().trim().min(1).max(50) });

export const dutyRoutes = {
  "GET /api/duty": entry({
    summary: "Every deputy's duty facts and score over a date range (back office; the service checks the login)",
    tag,
    access: "public",
    query: dutyQuerySchema,
    reply: json<DutyTable>(),
  }),
  "GET /api/duty.csv": entry({
    summary: "The same table as CSV, with the formula in its last line",
    tag,
    access: "public",
    query: dutyQuerySchema,
    reply: file("text/csv; charset=utf-8"),
  }),
  "GET /api/duty/weights": entry({ summary: "The scoring weights and their formula", tag, access: BACK_OFFICE, reply: json<DutyWeightsView>() }),
  "PUT /api/duty/weights": entry({
    summary: "Change the scoring weights",
    tag,
    access: ["ADMIN"],
    body: dutyWeightsSchema,
    reply: json<DutyWeightsView>(),
  }),
  "GET /api/duty/deputies/:name": entry({
    summary: "One deputy's record: facts, score and activities (a deputy sees only their own; the service checks the login)",
    tag,
    access: "public",
    params: nameParam,
    query: dutyQuerySchema,
    reply: json<DeputyRecord>(),
    refuses: ["FORBIDDEN"],
  }),
  "POST /api/duty/activities": entry({
    summary: "Record a deputy's activity: training, a visit, a survey …",
    tag,
    access: ["ADMIN", "STAFF"],
    body: dutyActivitySchema,
    status: 201,
    reply: json<{ activity: DutyActivityView }>(),
    refuses: ["NOT_FOUND"],
  }),
} as const;
