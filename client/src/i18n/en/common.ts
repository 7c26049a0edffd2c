import type { common as zh } from "../zh-CN/common.ts";

/** Words every page shares: app frame, navigation, errors, form fields, the enums' names, home and login. English: exactly the keys of zh-CN/common.ts (the type says so). */
export const common: Record<keyof typeof zh, string> = {
  "app.name": "Tongxin",
  "app.tagline": "Deputy liaison stations · online and in-person reception days",

  "list.separator": ", ",

  "punct.colon": ": ",
  "punct.paren": " ({text})",

  "nav.home": "Tongxin home",
  "nav.label": "Account and language",
  "nav.login": "Staff login",
  "nav.logout": "Log out",
  "nav.skipToContent": "Skip to main content",
  "nav.hall": "Hall console",
  "nav.desk": "Front desk",
  "nav.screen": "Hall screen",

  "common.loading": "Loading…",
  "common.name": "Name",
  "common.all": "All",
  "common.copy": "Copy",
  "common.copied": "Copied",
  "common.copyFailed": "Could not copy: press and hold the text to copy it",

  "connection.offline": "Connection lost — reconnecting… What you see may be out of date.",

  "time.underAMinute": "under a minute",
  "time.minutes": "about {n} min",
  "time.hoursMinutes": "about {h} h {m} min",
  "time.minutesRange": "about {low}–{high} min",
  "time.hoursRange": "about {low}–{high} h",

  "error.BAD_REQUEST": "Some entries need fixing — see the marked fields.",
  "error.UNAUTHENTICATED": "Your login has expired. Please log in again.",
  "error.FORBIDDEN": "You are not allowed to do this.",
  "error.NOT_FOUND": "Not found — it may have been removed, or the link is wrong.",
  "error.CONFLICT": "That is not possible right now; the page has updated, please check again.",
  "error.RATE_LIMITED": "Too many attempts. Please wait a moment and try again.",
  "error.INTERNAL": "Something went wrong on our side. Please try again later.",
  "error.TIMEOUT": "The network is slow and the request timed out. Please try again.",
  "error.OFFLINE": "You are offline. Please try again once the connection is back.",
  "error.NETWORK": "Network error. Please check your connection and try again.",
  "error.PASSWORD_CHANGE_REQUIRED": "Please change your initial password before doing anything else.",

  "field.required": "Please fill this in",
  "field.requiredMark": "(required)",
  "field.consentRequired": "Please tick the consent box to join",
  "field.name.invalid": "Please enter your name (at most 50 characters)",
  "field.phone.invalid": "A phone number may only contain digits",
  "field.topic.invalid": "Please enter a topic (at most 100 characters)",
  "field.question.invalid": "The question may be at most 2,000 characters",
  "field.priority.invalid": "The priority reason may be at most 200 characters",
  "field.summary.invalid": "The summary may be at most 2,000 characters",
  "field.category.invalid": "Please enter a category (at most 50 characters)",
  "field.caseSummary.invalid": "Please describe what needs follow-up (at most 2,000 characters)",
  "field.reason.invalid": "Please give a reason (at most 200 characters)",
  "field.text.invalid": "Please enter the text (at most 5,000 characters)",
  "field.streamUrl.invalid": "This stream address is not from an allowed origin: use the station relay's address, or ask the administrator to add its origin to MEDIA_ORIGINS",
  "field.username.invalid": "Please enter your user name",
  "field.password.invalid": "Please enter your password",
  "field.password.tooShort": "Too short: at least 10 characters.",
  "field.password.fewKinds": "Use at least three of: upper-case letters, lower-case letters, digits, symbols.",
  "field.password.hasUsername": "The password must not contain the user name.",
  "field.password.common": "This password is too common and easy to guess; please choose another.",
  "field.password.wrongCurrent": "The current password is wrong.",
  "field.password.unchanged": "The new password must differ from the current one.",

  "sessionStatus.SCHEDULED": "Scheduled",
  "sessionStatus.OPEN": "Queue open",
  "sessionStatus.LIVE": "Live",
  "sessionStatus.PAUSED": "Paused",
  "sessionStatus.ENDED": "Ended",


  "channel.ONLINE": "Online",
  "channel.IN_PERSON": "In person",

  "venueKind.HOME": "Deputies' home",
  "venueKind.STATION": "Liaison station",
  "venueKind.STUDIO": "Studio",

  "speakerRole.VOTER": "Voter",
  "speakerRole.DEPUTY": "Deputy",
  "speakerRole.STAFF": "Staff",
  "speakerRole.SYSTEM": "System",


  "caseStatus.OPEN": "Received",
  "caseStatus.ASSIGNED": "Assigned",
  "caseStatus.IN_PROGRESS": "In progress",
  "caseStatus.RESOLVED": "Resolved",
  "caseStatus.CLOSED": "Closed",
  "caseStatus.REJECTED": "Not accepted",

  "case.category": "Category",
  "case.summary": "Concern",
  "case.history": "History",
  "case.stars": "{n} stars",

  "home.title": "Deputy reception days",
  "home.lead": "Your deputies' liaison station, next door and online: watch, queue online, or come in person.",
  "home.liveNow": "{n} reception(s) live now",
  "home.townFilter": "Filter by town",
  "home.today": "Today",
  "home.upcoming": "Coming up",
  "home.stations": "Stations",
  "home.noneToday": "No reception today.",
  "home.noneUpcoming": "Nothing scheduled soon.",
  "home.enter": "Open reception day",
  "home.watchLive": "Watch and queue",
  "home.live": "Live",

  "login.title": "Staff login",
  "login.intro": "Deputies and staff log in to use the hall console and the front desk; departments log in to their desk of suggestions.",
  "login.username": "User name",
  "login.password": "Password",
  "login.submit": "Log in",
  "login.submitting": "Logging in…",
  "login.failed": "Wrong user name or password.",
  "login.endedIdle": "You were logged out for safety after a long time without activity. Please log in again.",

  "nav.password": "Change password",


  "notFound.title": "Page not found",
  "notFound.home": "Back to the home page",
  "pageFailed.network.title": "The network dropped; the page did not finish loading",
  "pageFailed.network.body": "Check your connection, then tap Reload. The page reloads by itself when the network is back.",
  "pageFailed.error.title": "Something went wrong on this page",
  "pageFailed.error.body": "Tap Reload to try again; if it still fails, go back to the home page.",
  "pageFailed.reload": "Reload",

  // Personal data (docs/PRIVACY.md): the notice, the masked phone
  "privacy.notice.summary": "Personal information notice: what we collect, why, who sees it, how long it is kept",
  "privacy.notice.version": "version {n}",
};
