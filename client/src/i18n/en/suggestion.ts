import type { suggestion as zh } from "../zh-CN/suggestion.ts";

/** Deputies' suggestions and departments (§6e). English: exactly the keys of zh-CN/suggestion.ts. */
export const suggestion: Record<keyof typeof zh, string> = {
  "suggestion.status.DRAFT": "Draft",
  "suggestion.status.SUBMITTED": "Submitted, awaiting assignment",
  "suggestion.status.ASSIGNED": "Assigned, being handled",
  "suggestion.status.COUNTERSIGNING": "Answer drafted, helper departments countersigning",
  "suggestion.status.ANSWERED": "Answered, awaiting the deputy's evaluation",
  "suggestion.status.EVALUATED": "Evaluated, closed",
  "suggestion.kind.A": "Class A · solved or mostly solved",
  "suggestion.kind.B": "Class B · planned, to be solved step by step",
  "suggestion.kind.C": "Class C · kept for reference (not possible now)",
  "suggestion.track.title": "Deputy's suggestion",
  "suggestion.track.intro": "A deputy has taken your concern into a formal suggestion, handled by a government department.",
  "suggestion.track.number": "Suggestion number",
  "suggestion.track.status": "Status",
  "suggestion.track.department": "Department",
  "suggestion.track.answer": "The department's answer",
  "suggestion.track.answerAt": "Answered on",
  "suggestion.track.waiting": "The department is handling it; its answer will show here.",
  "suggestion.station.title": "Deputies' suggestions born here",
  "suggestion.station.counts": "Concerns raised at this station became {total} deputies' suggestions; departments have answered {answered}, {onTime} of them on time.",
  "suggestion.station.kinds": "Answers: class A (solved) {a}, class B (planned) {b}, class C (for reference) {c}.",
  "suggestion.station.satisfied": "Deputies evaluated {evaluated}; satisfied or basically satisfied with {satisfied}.",
} as const;
