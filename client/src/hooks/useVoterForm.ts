/**
 * What every voter form keeps — joining online, a walk-in at the desk, a
 * booking: the ticket's own fields, plus the form's draft, its field errors,
 * its refusal and whether it is sending.
 */
import { useState } from "react";
import type { ClientError } from "../lib/client-error.ts";

/** The fields a ticket (or booking) is made of; each form adds its own (consent, priority …). */
export interface VoterFields {
  name: string;
  phone: string;
  topic: string;
  question: string;
  isPublic: boolean;
}
export const EMPTY_VOTER_FIELDS: VoterFields = { name: "", phone: "", topic: "", question: "", isPublic: false };

export function useVoterForm<D extends VoterFields>(empty: D) {
  const [draft, setDraft] = useState<D>(empty);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof D>(key: K, value: D[K]) => setDraft((d) => ({ ...d, [key]: value }));
  return { draft, setDraft, set, errors, setErrors, failure, setFailure, busy, setBusy };
}
