import type { track as zh } from "../zh-CN/track.ts";

/** The voter's follow-up tracking page (/track/:code). English: exactly the keys of zh-CN/track.ts (the type says so). */
export const track: Record<keyof typeof zh, string> = {
  "track.title": "Follow-up tracking",

  "track.code": "Tracking code",

  "track.resolution": "Resolution",

  "track.rejectReason": "Reason for not accepting",

  "track.notFound": "This tracking code was not found. Please check it.",

  "track.intro": "See how far the concern you raised at the reception day has come.",

  "track.status.now": "Where it stands",

  "track.rejected": "This concern was not accepted",

  "track.due": "Answer expected by {date}",

  "track.ev.created": "Your concern was recorded",
  "track.ev.status.OPEN": "Reopened",
  "track.ev.status.ASSIGNED": "Passed to the department responsible",
  "track.ev.status.IN_PROGRESS": "The department is working on it",
  "track.ev.status.RESOLVED": "Resolved",
  "track.ev.status.CLOSED": "Closed",
  "track.ev.status.REJECTED": "Not accepted",
  "track.ev.assigned": "Department",
  "track.ev.due": "Due date",
  "track.ev.resolution": "The resolution was updated",
  "track.ev.progress": "Progress",
  "track.ev.feedback": "You rated it",
  "track.ev.other": "Update",

  "track.rate.title": "How was your concern handled?",
  "track.rate.legend": "Satisfaction (1 star worst, 5 stars best)",
  "track.rate.label.1": "Very unhappy",
  "track.rate.label.2": "Unhappy",
  "track.rate.label.3": "Neutral",
  "track.rate.label.4": "Happy",
  "track.rate.label.5": "Very happy",
  "track.rate.comment": "Anything to add (optional; no names or phone numbers)",
  "track.rate.submit": "Send rating",
  "track.rate.pick": "Choose the stars first",
  "track.rate.thanks": "Thank you for your rating!",
  "track.rate.yours": "Your rating",
  "track.rate.already": "Already rated; each case can be rated once.",
  "track.rate.notYet": "You can rate once the case is resolved.",

  "track.privacy": "This page shows no personal data. Keep your tracking code safe.",

  "track.lookup.title": "Follow up on your concern",
  "track.lookup.intro": "A concern that needs follow-up gets an 8-character tracking code (on your ticket page and in the record). Type it to see how far it has got.",
  "track.lookup.label": "Tracking code",
  "track.lookup.hint": "8 letters and digits, e.g. ABCD2345, upper or lower case",
  "track.lookup.submit": "Look up",
  "track.lookup.empty": "Please type your tracking code",
  "track.lookup.invalid": "A tracking code is 8 letters and digits — please check it",
};
