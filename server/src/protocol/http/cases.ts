/** Follow-up cases (意见建议办理) for staff, and the voter's rating on the tracking page (docs/ARCHITECTURE.md §6). */
import { z } from "zod";
import {
  caseCreateSchema,
  caseNoteSchema,
  casePatchSchema,
  caseQuerySchema,
  feedbackSchema,
  type CaseDetail,
  type CaseEventView,
  type CaseListItem,
} from "../back-office.ts";
import type { TrackView } from "../model.ts";
import { str } from "../schemas.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "cases";
const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;
const codeParam = z.object({ trackingCode: str().trim().min(4).max(32) });

export const caseRoutes = {
  "GET /api/cases": entry({
    summary: "Follow-up cases in the caller's venues, filtered by status, source, venue, dates, text or overdue",
    tag,
    access: BACK_OFFICE,
    query: caseQuerySchema,
    reply: json<{ cases: CaseListItem[]; total: number }>(),
  }),
  "POST /api/cases": entry({
    summary: "Open a case by hand (not from a turn or a message)",
    tag,
    access: BACK_OFFICE,
    body: caseCreateSchema,
    status: 201,
    reply: json<CaseDetail>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/cases/:id": entry({
    summary: "One case with who raised it, its history and the statuses it may move to",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    reply: json<CaseDetail>(),
    refuses: ["NOT_FOUND"],
  }),
  "PATCH /api/cases/:id": entry({
    summary: "Move a case on: its status, assignee, due date, resolution or reason for rejecting it",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    body: casePatchSchema,
    reply: json<CaseDetail>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/cases/:id/notes": entry({
    summary: "Add an internal note to a case's history",
    tag,
    access: BACK_OFFICE,
    params: idParam,
    body: caseNoteSchema,
    status: 201,
    reply: json<{ event: CaseEventView }>(),
    refuses: ["NOT_FOUND"],
  }),
  "POST /api/track/:trackingCode/feedback": entry({
    summary: "The voter rates how a resolved case was handled, once (no login: the tracking code is the key)",
    tag,
    access: "public",
    params: codeParam,
    body: feedbackSchema,
    reply: json<{ case: TrackView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
} as const;
