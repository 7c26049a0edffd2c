/** Deputies' suggestions and the departments that answer them (docs/ARCHITECTURE.md §6e). */
import type { Role } from "../model.ts";
import {
  departmentCreateSchema,
  departmentPatchSchema,
  suggestionAnswerSchema,
  suggestionAssignSchema,
  suggestionClassifySchema,
  suggestionCountersignSchema,
  suggestionCreateSchema,
  suggestionEvaluateSchema,
  suggestionPatchSchema,
  suggestionQuerySchema,
  suggestionReturnSchema,
} from "../suggestions.ts";
import type { AdminDepartmentView, DepartmentView, DeputyChoice, SuggestionDetail, SuggestionView, VenueSuggestionsView } from "../suggestions.ts";
import { idParam } from "./params.ts";
import { entry, json } from "./route.ts";

const tag = "suggestions";
/** Every role, with a password of its own; who may take which step is the service's rule. */
const EVERYONE: readonly Role[] = ["ADMIN", "STAFF", "DEPUTY", "DEPARTMENT"];
const OFFICE = ["ADMIN", "STAFF"] as const;
const one = json<{ suggestion: SuggestionDetail }>();

export const suggestionRoutes = {
  "GET /api/venues/:id/suggestions": entry({
    summary: "What became of a station's concerns: its suggestions and how they were answered (no names)",
    tag,
    access: "public",
    params: idParam,
    reply: json<VenueSuggestionsView>(),
    refuses: ["NOT_FOUND"],
  }),
  "GET /api/departments": entry({
    summary: "The departments that answer suggestions",
    tag,
    access: EVERYONE,
    reply: json<{ departments: DepartmentView[] }>(),
  }),
  "GET /api/admin/departments": entry({
    summary: "The departments with the contact their deadline reminders go to",
    tag,
    access: ["ADMIN"],
    reply: json<{ departments: AdminDepartmentView[] }>(),
  }),
  "POST /api/admin/departments": entry({
    summary: "Add a department, with the contact its deadline reminders go to",
    tag,
    access: ["ADMIN"],
    body: departmentCreateSchema,
    status: 201,
    reply: json<{ department: AdminDepartmentView }>(),
    refuses: ["CONFLICT"],
  }),
  "PATCH /api/admin/departments/:id": entry({
    summary: "Rename a department or change its contact",
    tag,
    access: ["ADMIN"],
    params: idParam,
    body: departmentPatchSchema,
    reply: json<{ department: AdminDepartmentView }>(),
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "GET /api/deputies": entry({
    summary: "The deputies a lead deputy may ask to co-sign a suggestion (联名): every active deputy but the caller, names only",
    tag,
    access: ["ADMIN", "STAFF", "DEPUTY"],
    reply: json<{ deputies: DeputyChoice[] }>(),
  }),
  "GET /api/suggestions": entry({
    summary: "The suggestions the caller may see, filtered by status, department or supervision colour",
    tag,
    access: EVERYONE,
    query: suggestionQuerySchema,
    reply: json<{ suggestions: SuggestionView[]; total: number }>(),
  }),
  "POST /api/suggestions": entry({
    summary: "Draft a suggestion from the concerns voters raised",
    tag,
    access: ["DEPUTY"],
    body: suggestionCreateSchema,
    status: 201,
    reply: one,
  }),
  "GET /api/suggestions/:id": entry({
    summary: "One suggestion, its answers, evaluations and history",
    tag,
    access: EVERYONE,
    params: idParam,
    reply: one,
    refuses: ["NOT_FOUND"],
  }),
  "PATCH /api/suggestions/:id": entry({
    summary: "Edit a draft",
    tag,
    access: ["DEPUTY"],
    params: idParam,
    body: suggestionPatchSchema,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/submit": entry({
    summary: "Submit a draft to the office",
    tag,
    access: ["DEPUTY"],
    params: idParam,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/assign": entry({
    summary: "Assign a suggestion to a lead department (and co-departments) with a deadline",
    tag,
    access: OFFICE,
    params: idParam,
    body: suggestionAssignSchema,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/answer": entry({
    summary: "The department's answer, classed A, B or C",
    tag,
    access: ["DEPARTMENT"],
    params: idParam,
    body: suggestionAnswerSchema,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/return": entry({
    summary: "A department sends a suggestion back to the office, with a reason",
    tag,
    access: ["DEPARTMENT"],
    params: idParam,
    body: suggestionReturnSchema,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/countersign": entry({
    summary: "A helper department countersigns the lead department's answer (会签): agree, or return it to the lead with a reason",
    tag,
    access: ["DEPARTMENT"],
    params: idParam,
    body: suggestionCountersignSchema,
    reply: one,
    refuses: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/classify": entry({
    summary: "The office reviews and adjusts the class of the latest answer",
    tag,
    access: OFFICE,
    params: idParam,
    body: suggestionClassifySchema,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
  "POST /api/suggestions/:id/evaluate": entry({
    summary: "The lead deputy evaluates the answer (satisfied, basically satisfied, unsatisfied)",
    tag,
    access: ["DEPUTY"],
    params: idParam,
    body: suggestionEvaluateSchema,
    reply: one,
    refuses: ["NOT_FOUND", "CONFLICT"],
  }),
} as const;
