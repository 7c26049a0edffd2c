import { useState, type FormEvent } from "react";
import { Link, useParams } from "react-router-dom";
import type { InvitationView } from "@protocol/forums.ts";
import { INVITEE_ROLES, type InviteeRole } from "@protocol/model.ts";
import { CopyButton } from "../../components/CopyButton.tsx";
import { FormField } from "../../components/FormField.tsx";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useQrDataUrl } from "../../hooks/useQrDataUrl.ts";
import { useLang, useT } from "../../i18n/useT.ts";
import { api } from "../../api.ts";
import type { ClientError } from "../../lib/client-error.ts";
import { formatDateTime } from "../../lib/format.ts";
import { FormError, LoadState } from "../admin/shared/LoadState.tsx";
import { useResource } from "../admin/shared/useResource.ts";
import { forumApi } from "./forum-api.ts";

interface Draft {
  name: string;
  organization: string;
  role: InviteeRole;
  phone: string;
}
const EMPTY: Draft = { name: "", organization: "", role: "VOTER", phone: "" };

/**
 * Only a token's hash is stored, so a link exists once, in the answer that
 * created it. This tab keeps the links it created (sessionStorage: gone with
 * the tab) so the clerk can still copy and print them after a reload; a link
 * lost otherwise is re-issued (POST /api/invitations/:id/link, the old one dies).
 */
const linksKey = (sessionId: string) => `tongxin.inviteLinks.${sessionId}`;
function readLinks(sessionId: string): Record<string, string> {
  try {
    return JSON.parse(sessionStorage.getItem(linksKey(sessionId)) ?? "{}") as Record<string, string>;
  } catch {
    return {};
  }
}
function writeLinks(sessionId: string, links: Record<string, string>): void {
  try {
    sessionStorage.setItem(linksKey(sessionId), JSON.stringify(links));
  } catch {
    // private mode: the links live as long as the page
  }
}

const absolute = (link: string) => new URL(link, window.location.origin).toString();

/** /admin/forums/:sessionId/invitations — invite participants, follow their answers, copy and print their links. */
export function InvitationsPage() {
  const { sessionId = "" } = useParams();
  const t = useT();
  const session = useResource(() => api.session(sessionId), sessionId);
  const list = useResource(() => forumApi.invitations(sessionId), sessionId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<ClientError | null>(null);
  const [busy, setBusy] = useState(false);
  const [links, setLinks] = useState<Record<string, string>>(() => readLinks(sessionId));
  const [created, setCreated] = useState<{ name: string; link: string; reissued: boolean } | null>(null);
  const title = session.data?.session.title ?? "";
  useDocumentTitle(t("forum.invite.title", { title }));
  const set = (k: keyof Draft) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));
  const details = error?.details ?? {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const res = await forumApi.invite(sessionId, {
      name: draft.name.trim(),
      role: draft.role,
      ...(draft.organization.trim() ? { organization: draft.organization.trim() } : {}),
      ...(draft.phone.trim() ? { phone: draft.phone.trim() } : {}),
    });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    keepLink(res.data.invitation.id, res.data.link, res.data.invitation.name, false);
    setDraft(EMPTY);
    list.setData((d) => ({ invitations: [...(d?.invitations ?? []), res.data.invitation] }));
  }

  function keepLink(invitationId: string, relative: string, name: string, reissued: boolean) {
    const link = absolute(relative);
    const next = { ...readLinks(sessionId), ...links, [invitationId]: link };
    setLinks(next);
    writeLinks(sessionId, next);
    setCreated({ name, link, reissued });
  }

  async function reissue(inv: InvitationView) {
    if (!window.confirm(t("forum.invite.reissueConfirm", { name: inv.name }))) return;
    setError(null);
    const res = await forumApi.reissueLink(inv.id);
    if (!res.ok) return setError(res.error);
    keepLink(inv.id, res.data.link, inv.name, true);
  }

  async function remove(inv: InvitationView) {
    const res = await forumApi.removeInvitation(inv.id);
    if (!res.ok) return setError(res.error);
    list.setData((d) => ({ invitations: (d?.invitations ?? []).filter((i) => i.id !== inv.id) }));
  }

  const invitations = list.data?.invitations ?? [];
  const notForum = session.data && session.data.session.kind !== "FORUM";

  return (
    <div className="bo-page invitations-page">
      <p className="no-print">
        <Link to="/admin/schedule">{t("forum.invite.back")}</Link>
      </p>
      <header className="page-head">
        <div>
          <h1>{t("forum.invite.title", { title })}</h1>
          {session.data ? <p className="muted">{session.data.session.venueName}</p> : null}
        </div>
        <div className="button-row no-print">
          <button type="button" className="button" onClick={() => window.print()} disabled={invitations.length === 0}>
            {t("forum.invite.print")}
          </button>
        </div>
      </header>
      {notForum ? <p className="notice">{t("forum.invite.notForum")}</p> : null}

      {!notForum ? (
        <section className="card no-print" aria-labelledby="invite-add">
          <h2 id="invite-add">{t("forum.invite.add")}</h2>
          <form className="form bo-form-grid" onSubmit={(e) => void submit(e)} data-testid="invite-form">
            <div className="bo-form-row">
              <FormField label={t("forum.invite.name")} required requiredMark={t("field.requiredMark")} error={details.name}>
                {(p) => <input {...p} name="name" maxLength={50} value={draft.name} onChange={set("name")} />}
              </FormField>
              <FormField label={t("forum.invite.organization")} error={details.organization}>
                {(p) => <input {...p} name="organization" maxLength={100} value={draft.organization} onChange={set("organization")} />}
              </FormField>
            </div>
            <div className="bo-form-row">
              <FormField label={t("forum.invite.role")} error={details.role}>
                {(p) => (
                  <select {...p} name="role" value={draft.role} onChange={set("role")}>
                    {INVITEE_ROLES.map((r) => (
                      <option key={r} value={r}>
                        {t(`forum.invite.role.${r}`)}
                      </option>
                    ))}
                  </select>
                )}
              </FormField>
              <FormField label={t("forum.invite.phone")} error={details.phone}>
                {(p) => <input {...p} name="phone" type="tel" maxLength={30} autoComplete="off" value={draft.phone} onChange={set("phone")} />}
              </FormField>
            </div>
            <FormError error={error} />
            <div>
              <button type="submit" className="button button--primary" disabled={busy || !draft.name.trim()}>
                {t("forum.invite.submit")}
              </button>
            </div>
          </form>
          {created ? (
            <div className="notice" role="status" data-testid="invite-created">
              <p>{created.reissued ? t("forum.invite.reissued", { name: created.name }) : t("forum.invite.created", { name: created.name })}</p>
              <p className="invite-link" data-testid="invite-created-link">
                {created.link}
              </p>
              <CopyButton text={created.link} label={created.name} />
            </div>
          ) : null}
        </section>
      ) : null}

      <section className="card" aria-labelledby="invite-list">
        <h2 id="invite-list">{t("forum.invite.list", { n: invitations.length })}</h2>
        <p className="muted no-print">{t("forum.invite.printHint")}</p>
        <LoadState loading={list.loading} error={list.error} onRetry={() => void list.reload()}>
          {invitations.length === 0 && !list.loading ? <p className="muted">{t("forum.invite.none")}</p> : null}
          {invitations.length ? (
            <div className="table-scroll">
              <table className="bo-table" data-testid="invite-table">
                <thead>
                  <tr>
                    <th scope="col">{t("forum.invite.name")}</th>
                    <th scope="col">{t("forum.invite.organization")}</th>
                    <th scope="col">{t("forum.invite.role")}</th>
                    <th scope="col">{t("forum.invite.col.rsvp")}</th>
                    <th scope="col">{t("forum.invite.col.ticket")}</th>
                    <th scope="col">{t("forum.invite.col.link")}</th>
                  </tr>
                </thead>
                <tbody>
                  {invitations.map((inv) => (
                    <InvitationRow key={inv.id} inv={inv} link={links[inv.id]} onRemove={() => void remove(inv)} onReissue={() => void reissue(inv)} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </LoadState>
      </section>
    </div>
  );
}

function InvitationRow({ inv, link, onRemove, onReissue }: { inv: InvitationView; link: string | undefined; onRemove: () => void; onReissue: () => void }) {
  const t = useT();
  const lang = useLang();
  return (
    <tr data-invitation={inv.id} data-rsvp={inv.rsvp}>
      <th scope="row">
        {inv.name}
        {inv.phone ? <div className="muted">{inv.phone}</div> : null}
      </th>
      <td>{inv.organization || "—"}</td>
      <td>{t(`forum.invite.role.${inv.role}`)}</td>
      <td>
        <span className={`badge badge--rsvp-${inv.rsvp.toLowerCase()}`}>{t(inv.rsvp === "PENDING" ? "forum.rsvp.answer.PENDING" : `forum.rsvp.${inv.rsvp}`)}</span>
        {inv.respondedAt ? <div className="muted">{formatDateTime(lang, inv.respondedAt)}</div> : null}
      </td>
      <td>{inv.ticketLabel ?? "—"}</td>
      <td>
        {link ? (
          <InviteLink name={inv.name} link={link} />
        ) : (
          <>
            <span className="muted">{t("forum.invite.linkHidden")}</span>{" "}
            <button type="button" className="button button--small no-print" onClick={onReissue} aria-label={t("forum.invite.reissueLabel", { name: inv.name })}>
              {t("forum.invite.reissue")}
            </button>
          </>
        )}
        {!inv.ticketId ? (
          <button type="button" className="button button--small button--quiet no-print" onClick={onRemove} aria-label={t("forum.invite.remove", { name: inv.name })}>
            {t("forum.invite.delete")}
          </button>
        ) : null}
      </td>
    </tr>
  );
}

function InviteLink({ name, link }: { name: string; link: string }) {
  const t = useT();
  const qr = useQrDataUrl(link);
  return (
    <div className="invite-link-cell">
      {qr ? <img className="invite-qr" src={qr} alt={t("forum.invite.qr", { name })} /> : null}
      <p className="invite-link">{link}</p>
      <span className="no-print">
        <CopyButton text={link} label={name} />
      </span>
    </div>
  );
}
