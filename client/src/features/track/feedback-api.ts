/** POST /api/track/:code/feedback — the voter's one rating (no login). */
import type { TrackView } from "@protocol/model.ts";
import { request } from "../../api.ts";

export function sendFeedback(code: string, satisfaction: number, comment: string) {
  const text = comment.trim();
  return request<{ case: TrackView }>("POST", `/api/track/${encodeURIComponent(code)}/feedback`, { satisfaction, ...(text ? { comment: text } : {}) });
}
