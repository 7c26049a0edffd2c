/** POST /api/track/:trackingCode/feedback — the voter's one rating (no login). */
import { call } from "../../api.ts";

export function sendFeedback(code: string, satisfaction: number, comment: string) {
  const text = comment.trim();
  return call("POST /api/track/:trackingCode/feedback", { params: { trackingCode: code }, body: { satisfaction, ...(text ? { comment: text } : {}) } });
}
