/** Search over the records, and the quantified score (量化积分) with its weights (docs/ARCHITECTURE.md §6). */
import {
  searchQuerySchema,
  statsQuerySchema,
  weightsSchema,
  type ScoringWeightsView,
  type SearchResult,
  type StatsReport,
} from "../back-office.ts";
import { entry, file, json } from "./route.ts";

const BACK_OFFICE = ["ADMIN", "STAFF", "DEPUTY"] as const;

export const insightRoutes = {
  "GET /api/search": entry({
    summary: "Search transcripts, tickets, cases and messages in the caller's venues",
    tag: "search",
    access: BACK_OFFICE,
    query: searchQuerySchema,
    reply: json<SearchResult>(),
  }),
  "GET /api/stats": entry({
    summary: "The quantified score of a period, by venue or by deputy group",
    tag: "scoring",
    access: BACK_OFFICE,
    query: statsQuerySchema,
    reply: json<StatsReport>(),
  }),
  "GET /api/stats.csv": entry({
    summary: "The same score as a CSV file",
    tag: "scoring",
    access: BACK_OFFICE,
    query: statsQuerySchema,
    reply: file("text/csv; charset=utf-8"),
  }),
  "GET /api/stats/weights": entry({
    summary: "The weights the score is computed with",
    tag: "scoring",
    access: BACK_OFFICE,
    reply: json<ScoringWeightsView>(),
  }),
  "PUT /api/stats/weights": entry({
    summary: "Change the score's weights",
    tag: "scoring",
    access: ["ADMIN"],
    body: weightsSchema,
    reply: json<ScoringWeightsView>(),
  }),
} as const;
