import type { MessageKey, Translate } from "../i18n/useT.ts";
import type { ClientError } from "./client-error.ts";

/** A friendly, localized sentence for any error; never the server's raw text. */
export function errorMessage(t: Translate, error: ClientError | null | undefined): string {
  if (!error) return "";
  return t(`error.${error.code}`);
}

const FIELD_KEYS: Record<string, MessageKey> = {
  name: "field.name.invalid",
  phone: "field.phone.invalid",
  topic: "field.topic.invalid",
  question: "field.question.invalid",
  priority: "field.priority.invalid",
  summary: "field.summary.invalid",
  "followUp.category": "field.category.invalid",
  "followUp.summary": "field.caseSummary.invalid",
  reason: "field.reason.invalid",
  text: "field.text.invalid",
  username: "field.username.invalid",
  password: "field.password.invalid",
  streamUrl: "field.streamUrl.invalid",
};

/**
 * Coded details: the server names why, not only which field (the password
 * policy, docs/SECURITY.md); worded here whatever the field is called.
 */
const DETAIL_KEYS: Record<string, MessageKey> = {
  "password.tooShort": "field.password.tooShort",
  "password.fewKinds": "field.password.fewKinds",
  "password.hasUsername": "field.password.hasUsername",
  "password.common": "field.password.common",
  "password.wrongCurrent": "field.password.wrongCurrent",
  "password.unchanged": "field.password.unchanged",
};

/** BAD_REQUEST details (field → message) as localized messages per field. */
export function fieldMessages(t: Translate, error: ClientError | null | undefined): Record<string, string> {
  if (!error?.details) return {};
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(error.details)) {
    const key = DETAIL_KEYS[message] ?? FIELD_KEYS[field];
    out[field] = key ? t(key) : message;
  }
  return out;
}
