/** The HTTP calls of deputies' suggestions and departments (docs/ARCHITECTURE.md §6e). */
import type { HttpRoutes } from "@protocol/http/index.ts";
import type { InputOf } from "@protocol/http/route.ts";
import { call } from "../../api.ts";

type Body<K extends keyof HttpRoutes> = InputOf<HttpRoutes[K]>["body"];

export const suggestionApi = {
  /** public: a station's suggestions and how they were answered */
  station: (venueId: string) => call("GET /api/venues/:id/suggestions", { params: { id: venueId } }),
  departments: () => call("GET /api/departments"),
  /** the admin's list, with each department's reminder contact */
  adminDepartments: () => call("GET /api/admin/departments"),
  createDepartment: (body: Body<"POST /api/admin/departments">) => call("POST /api/admin/departments", { body }),
  updateDepartment: (id: string, body: Body<"PATCH /api/admin/departments/:id">) => call("PATCH /api/admin/departments/:id", { params: { id }, body }),
  list: (query: InputOf<HttpRoutes["GET /api/suggestions"]>["query"] = {}) => call("GET /api/suggestions", { query }),
  one: (id: string) => call("GET /api/suggestions/:id", { params: { id } }),
  /** 联名: the deputies who may co-sign (every active deputy but the caller) */
  deputies: () => call("GET /api/deputies"),
  create: (body: Body<"POST /api/suggestions">) => call("POST /api/suggestions", { body }),
  submit: (id: string) => call("POST /api/suggestions/:id/submit", { params: { id } }),
  assign: (id: string, body: Body<"POST /api/suggestions/:id/assign">) => call("POST /api/suggestions/:id/assign", { params: { id }, body }),
  answer: (id: string, body: Body<"POST /api/suggestions/:id/answer">) => call("POST /api/suggestions/:id/answer", { params: { id }, body }),
  countersign: (id: string, body: Body<"POST /api/suggestions/:id/countersign">) => call("POST /api/suggestions/:id/countersign", { params: { id }, body }),
  classify: (id: string, body: Body<"POST /api/suggestions/:id/classify">) => call("POST /api/suggestions/:id/classify", { params: { id }, body }),
  returnToOffice: (id: string, reason: string) => call("POST /api/suggestions/:id/return", { params: { id }, body: { reason } }),
  evaluate: (id: string, body: Body<"POST /api/suggestions/:id/evaluate">) => call("POST /api/suggestions/:id/evaluate", { params: { id }, body }),
};
