/**
 * The hand-over from the server's stand-in join form (`#first-view`, written
 * into the HTML so a phone on 3G can start typing before the scripts arrive)
 * to React's JoinForm: what the voter typed and checked, which field had the
 * focus and where its caret was, and where on the screen that field sat, so
 * the real form takes over without losing a character or moving under the
 * voter's thumb. JoinForm reads it while it first renders and removes the
 * stand-in in the same commit: the two forms are never on screen together.
 */
import { firstViewElement } from "../../lib/first-view.ts";

/** The stand-in's fields, by the `name` both forms give them. */
export interface StandInFields {
  name: string;
  phone: string;
  topic: string;
  question: string;
  wantsReply: boolean;
  isPublic: boolean;
  consent: boolean;
}
const TEXT = ["name", "phone", "topic", "question"] as const;
const CHECKS = ["wantsReply", "isPublic", "consent"] as const;

export interface StandIn {
  fields: StandInFields;
  /** the field that had the focus, with its caret (text fields only) */
  focus: { name: keyof StandInFields; selection: [number, number] | null } | null;
  /** what to keep still on screen: the focused field, else the form if anything was entered, else nothing */
  anchor: { name: keyof StandInFields | "form"; top: number } | null;
}

/** The draft JoinForm starts from: its own defaults with what the voter already entered. */
export function draftFromStandIn<D extends StandInFields>(empty: D, fields: StandInFields): D {
  return { ...empty, ...fields };
}

/** Anything typed or checked? (An untouched stand-in hands over nothing to keep in view.) */
export function enteredAnything(fields: StandInFields): boolean {
  return TEXT.some((k) => fields[k] !== "") || CHECKS.some((k) => fields[k]);
}

/** A caret inside the value it was in (a value can only be the same here, but a caret past the end would throw in some browsers). */
export function caretWithin(value: string, selection: [number, number] | null): [number, number] | null {
  if (!selection) return null;
  const clamp = (n: number) => Math.max(0, Math.min(value.length, n));
  return [clamp(selection[0]), clamp(selection[1])];
}

const isField = (name: string): name is keyof StandInFields => (TEXT as readonly string[]).includes(name) || (CHECKS as readonly string[]).includes(name);

/** What the stand-in holds now; null when the page has no stand-in form. */
export function readStandIn(doc: Document = document): StandIn | null {
  const form = firstViewElement(doc)?.querySelector("form");
  if (!form) return null;
  const el = (name: string) => form.elements.namedItem(name) as HTMLInputElement | HTMLTextAreaElement | null;
  const text = (name: string) => el(name)?.value ?? "";
  const checked = (name: string) => (el(name) as HTMLInputElement | null)?.checked === true;
  const fields: StandInFields = {
    name: text("name"),
    phone: text("phone"),
    topic: text("topic"),
    question: text("question"),
    wantsReply: checked("wantsReply"),
    isPublic: checked("isPublic"),
    consent: checked("consent"),
  };
  const active = doc.activeElement as HTMLInputElement | HTMLTextAreaElement | null;
  const focused = active && form.contains(active) && isField(active.name) ? active : null;
  const selection = focused && focused.type !== "checkbox" && focused.selectionStart !== null && focused.selectionEnd !== null ? ([focused.selectionStart, focused.selectionEnd] as [number, number]) : null;
  const anchorEl: Element | null = focused ?? (enteredAnything(fields) ? form : null);
  return {
    fields,
    focus: focused ? { name: focused.name as keyof StandInFields, selection } : null,
    anchor: anchorEl ? { name: focused ? (focused.name as keyof StandInFields) : "form", top: anchorEl.getBoundingClientRect().top } : null,
  };
}

/**
 * After the stand-in is gone: React's form (`form`) takes the focus and caret
 * the stand-in had, and the page scrolls so the same field (or the form) is
 * where it was on screen.
 */
export function placeLikeStandIn(form: HTMLFormElement, standIn: StandIn): void {
  const target = standIn.anchor ? (standIn.anchor.name === "form" ? form : (form.elements.namedItem(standIn.anchor.name) as HTMLElement | null)) : null;
  if (target && standIn.anchor) window.scrollBy(0, target.getBoundingClientRect().top - standIn.anchor.top);
  if (!standIn.focus) return;
  const field = form.elements.namedItem(standIn.focus.name) as HTMLInputElement | HTMLTextAreaElement | null;
  if (!field) return;
  field.focus({ preventScroll: true });
  const caret = caretWithin(field.value, standIn.focus.selection);
  if (caret && field.type !== "checkbox") field.setSelectionRange(caret[0], caret[1]);
}
