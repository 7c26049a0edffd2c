import type { message as zh } from "../zh-CN/message.ts";

/** The message box (全天候). English: exactly the keys of zh-CN/message.ts (the type says so). */
export const message: Record<keyof typeof zh, string> = {
  "message.form.title": "Leave a message for the station",
  "message.form.titleDeputy": "Leave a message for {name}",
  "message.form.intro": "You can raise a concern on any day, not only on reception days. You get a tracking code at once and can follow it whenever you like.",
  "message.form.topicHint": "In a few words, e.g. “Street lights out in our estate”",
  "message.form.text": "What happened",
  "message.form.isPublic": "My message may be quoted publicly",
  "message.form.isPublicHint": "If ticked, the station may quote what you raised in minutes and other public records (never your name or phone).",
  "message.form.submit": "Send message",
  "message.form.sending": "Sending…",
  "message.form.rateLimited": "Too many messages just now. Please try again later.",
  "message.form.consentRequired": "Please tick the consent box to send your message",

  "message.sent.title": "Message received",
  "message.sent.lead": "The staff will deal with it soon. Please note your tracking code:",
  "message.sent.keep": "With the tracking code you can follow your message and rate the answer. Take a screenshot or write it down.",
  "message.sent.track": "Follow my message",
  "message.sent.another": "Write another message",

  "message.venue.lead": "Open every day: tell the deputies about your concern here, any time.",
  "message.venue.write": "Leave a message",
  "message.venue.deputies": "Deputies of this station",
  "message.venue.days": "Coming reception days",
  "message.venue.noDays": "No reception days scheduled soon.",
  "message.venue.notFound": "This station was not found.",
  "message.venue.home": "Messages and answers",

  "message.deputy.kicker": "People's Congress deputy",
  "message.deputy.stations": "Liaison stations",
  "message.deputy.via": "Station that handles it",
  "message.deputy.viaPlaceholder": "Choose a station",
  "message.deputy.viaRequired": "Please choose the station that handles it",
  "message.deputy.notFound": "This deputy was not found.",
  "message.deputy.noStation": "This deputy has no liaison station yet.",

  "message.poster.link": "Print the message QR poster",
  "message.poster.print": "Print poster",

  "message.stats.title": "How we answered recently",
  "message.stats.window": "Concerns received in the last {days} days",
  "message.stats.received": "Received",
  "message.stats.answeredWithin": "Answered within {days} days",
  "message.stats.pending": "Being handled",
  "message.stats.satisfaction": "Satisfaction",
  "message.stats.rated": "({n} ratings)",
  "message.stats.definition": "“Answered” means the voter was told the result, or why it was not accepted; answers within {days} days of receipt count as “answered within {days} days”.",
  "message.stats.line": "Recently received {received}, answered within {days} days: {within}",
  "message.stats.lineSatisfaction": "satisfaction {mean}",
  "message.stats.none": "No concerns received recently",

  "message.staff.toDeputy": "for {name}",
  "message.staff.text": "Message",
  "message.staff.public": "may be quoted",
  "message.staff.private": "private",

  "caseSource.label": "Source",
  "caseSource.TURN": "Reception day",
  "caseSource.STAFF": "Entered by staff",
  "caseSource.MESSAGE": "Voter's message",

  "message.me.eraseConfirm": "Your name, phone and the text of your message will be anonymized for good. The subject and the tracking code stay, and you can still follow the handling.",

  "track.intro.message": "See how far the message you left for the station has come.",
};
