import type { SessionView, TicketView } from "@protocol/model.ts";
import { useT } from "../../i18n/useT.ts";
import { AgendaList } from "./AgendaList.tsx";
import { agendaProgress, speakersLists } from "./forum-logic.ts";

/** The voter's view of a forum: where it is ("正在进行第 2 项"), how many wait on that item, the whole agenda. */
export function ForumProgress({ session, tickets }: { session: SessionView; tickets: Record<string, TicketView> }) {
  const t = useT();
  const progress = agendaProgress(session);
  const head = speakersLists(Object.values(tickets), session)[0];
  return (
    <section className="card forum-progress" aria-labelledby="forum-agenda-title">
      <h2 id="forum-agenda-title">{t("forum.agenda")}</h2>
      <p className="forum-progress__where" role="status" aria-live="polite" data-testid="forum-where" data-position={progress.position} data-phase={progress.phase}>
        {progress.phase === "running" && progress.current
          ? t("forum.where.running", { n: progress.position, total: progress.total, title: progress.current.title })
          : progress.phase === "done"
            ? t("forum.where.done")
            : t("forum.where.before")}
      </p>
      {head && progress.phase !== "done" ? (
        <p className="muted" data-testid="forum-waiting">
          {t("forum.where.waiting", { n: head.waiting.length })}
        </p>
      ) : null}
      <AgendaList agenda={session.agenda} />
    </section>
  );
}
