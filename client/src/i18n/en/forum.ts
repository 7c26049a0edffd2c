import type { forum as zh } from "../zh-CN/forum.ts";

/** Forums (座谈会). English: exactly the keys of zh-CN/forum.ts (the type says so). */
export const forum: Record<keyof typeof zh, string> = {
  "forum.kind": "Forum",
  "forum.agenda": "Agenda",
  "forum.agendaPosition": "Item {n}/{total}",
  "forum.item.status.PENDING": "Not started",
  "forum.item.status.CURRENT": "In progress",
  "forum.item.status.DONE": "Finished",
  "forum.item.timebox": "about {n} min",
  "forum.item.speakerMin": "{n} min per speaker",
  "forum.where.before": "The forum has not started; it will begin with item 1.",
  "forum.where.running": "Now on item {n} of {total}: {title}",
  "forum.where.done": "The agenda is finished. Thank you for taking part.",
  "forum.where.waiting": "{n} waiting to speak on this item",

  "forum.join.title": "Ask to speak",
  "forum.join.intro": "You are invited to this forum. Choose the agenda item you want to speak on; this page rings when it is your turn and the chair calls you.",
  "forum.join.item": "Agenda item",
  "forum.join.itemCurrent": "{title} (in progress)",
  "forum.join.topic": "What you will speak about",
  "forum.join.topicHint": "One sentence on your point",
  "forum.join.submit": "Ask to speak",
  "forum.join.byInvitation": "Speaking online is by invitation. You can keep watching the stream and the captions; if you were invited, open the invitation link you received.",
  "forum.join.invitationRequired": "Speaking online needs an invitation. Open the invitation link you received, then ask again.",
  "forum.join.invitationUsed": "This invitation has already asked to speak.",
  "forum.join.ended": "The forum has ended. Thank you for following it.",
  "forum.join.agendaDone": "The agenda is finished; no more requests to speak.",
  "forum.join.invitedAs": "Invited: {name}",

  "forum.rsvp.title": "Forum invitation",
  "forum.rsvp.greeting": "Dear {name}, you are invited to the forum below.",
  "forum.rsvp.question": "Will you attend?",
  "forum.rsvp.HALL": "In the hall",
  "forum.rsvp.ONLINE": "Online",
  "forum.rsvp.DECLINED": "Cannot attend",
  "forum.rsvp.answer.PENDING": "Not answered yet",
  "forum.rsvp.answer.HALL": "Your answer: in the hall. Please sign in at the venue on time.",
  "forum.rsvp.answer.ONLINE": "Your answer: online. When the forum opens, enter with the button below; you can ask to speak there.",
  "forum.rsvp.answer.DECLINED": "Your answer: cannot attend. If that changes, choose again.",
  "forum.rsvp.change": "You can change your answer at any time.",
  "forum.rsvp.goOnline": "Enter the online forum",
  "forum.rsvp.ticket": "Your speaker number: {label}",
  "forum.rsvp.notFound": "This invitation was not found. Please check the link is complete.",
  "forum.rsvp.ended": "The forum has ended; the answer can no longer change.",
  "forum.rsvp.saved": "Your answer is saved.",
  "forum.rsvp.address": "Address",

  "forum.hall.notStarted": "The forum has not started.",

  "forum.timer.label": "Speaker countdown",
  "forum.timer.left": "{time} left",
  "forum.timer.over": "Over time by {time}",
  "forum.timer.called": "Called, waiting to start",
  "forum.timer.of": "limit {time}",

  "forum.screen.current": "Current item",
  "forum.screen.speaker": "Speaking",




  "forum.session.deputies": "Chairing deputies",
} as const;
