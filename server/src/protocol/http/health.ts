/**
 * A node's own endpoints, outside /api: liveness and readiness for the
 * balancer and the orchestrator, and the Prometheus metrics (docs/DEPLOY.md,
 * "Metrics"). Bodies carry only booleans: nothing for a stranger to learn.
 */
import { entry, file, json } from "./route.ts";

const tag = "operations";

export const healthRoutes = {
  "GET /healthz": entry({
    summary: "The process is up and its database answers (500 when it does not)",
    tag,
    access: "public",
    reply: json<{ ok: boolean }>(),
  }),
  "GET /readyz": entry({
    summary: "Send this node traffic: 503 while draining, while the database or Redis does not answer, or while writes are refused after an outage",
    tag,
    access: "public",
    reply: json<{ ok: boolean; database: boolean; redis: boolean; draining: boolean }>(),
  }),
  "GET /metrics": entry({
    summary: "Prometheus metrics, to a scrape that reaches the node directly; a request a trusted proxy forwarded gets 404",
    tag,
    access: "public",
    reply: file("text/plain; version=0.0.4; charset=utf-8"),
  }),
} as const;
