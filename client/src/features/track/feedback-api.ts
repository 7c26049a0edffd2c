/** POST /api/track/:code/feedback — the voter's one rating (no login). */
import type { TrackView } from "@protocol/model.ts";
import { toClientError, type Result } from "../../lib/client-error.ts";

export async function sendFeedback(code: string, satisfaction: number, comment: string): Promise<Result<{ case: TrackView }>> {
  try {
    const res = await fetch(`/api/track/${encodeURIComponent(code)}/feedback`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ satisfaction, ...(comment.trim() ? { comment: comment.trim() } : {}) }),
    });
    const json = (await res.json().catch(() => undefined)) as { case: TrackView; error?: Parameters<typeof toClientError>[0] } | undefined;
    if (res.ok && json) return { ok: true, data: { case: json.case } };
    return { ok: false, error: toClientError(json?.error, res.status === 409 ? "CONFLICT" : res.status === 404 ? "NOT_FOUND" : res.status === 400 ? "BAD_REQUEST" : "INTERNAL") };
  } catch {
    return { ok: false, error: { code: navigator.onLine ? "NETWORK" : "OFFLINE", message: "network error" } };
  }
}
