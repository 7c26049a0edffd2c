/** The HTTP calls of deputies' suggestions and departments (docs/ARCHITECTURE.md §6e). */
import type {
  AnswerKind,
  DepartmentView,
  EvaluationResult,
  Supervision,
  SuggestionDetail,
  SuggestionStatus,
  SuggestionView,
  VenueSuggestionsView,
} from "@protocol/suggestions.ts";
import { request } from "../../api.ts";
import { query } from "../admin/api.ts";

const id = encodeURIComponent;
type One = { suggestion: SuggestionDetail };

export const suggestionApi = {
  /** public: a station's suggestions and how they were answered */
  station: (venueId: string) => request<VenueSuggestionsView>("GET", `/api/venues/${id(venueId)}/suggestions`),
  departments: () => request<{ departments: DepartmentView[] }>("GET", "/api/departments"),
  createDepartment: (name: string) => request<{ department: DepartmentView }>("POST", "/api/admin/departments", { name }),
  list: (f: { status?: SuggestionStatus; departmentId?: string; supervision?: Supervision } = {}) =>
    request<{ suggestions: SuggestionView[]; total: number }>("GET", `/api/suggestions${query(f)}`),
  one: (suggestionId: string) => request<One>("GET", `/api/suggestions/${id(suggestionId)}`),
  create: (input: { title: string; body: string; category: string; caseIds: string[]; coSignerIds?: string[] }) => request<One>("POST", "/api/suggestions", input),
  submit: (suggestionId: string) => request<One>("POST", `/api/suggestions/${id(suggestionId)}/submit`),
  assign: (suggestionId: string, input: { leadDepartmentId: string; coDepartmentIds: string[]; dueAt: string }) =>
    request<One>("POST", `/api/suggestions/${id(suggestionId)}/assign`, input),
  answer: (suggestionId: string, input: { kind: AnswerKind; text: string }) => request<One>("POST", `/api/suggestions/${id(suggestionId)}/answer`, input),
  classify: (suggestionId: string, input: { kind: AnswerKind; reason: string }) => request<One>("POST", `/api/suggestions/${id(suggestionId)}/classify`, input),
  returnToOffice: (suggestionId: string, reason: string) => request<One>("POST", `/api/suggestions/${id(suggestionId)}/return`, { reason }),
  evaluate: (suggestionId: string, input: { result: EvaluationResult; comment?: string }) =>
    request<One>("POST", `/api/suggestions/${id(suggestionId)}/evaluate`, input),
};
