import type { Dispatch } from "react";
import { useT } from "../../i18n/useT.ts";
import type { AgendaDraftAction, AgendaRow } from "./agenda-draft.ts";

let nextKey = 0;
export const newRowKey = () => `new-${++nextKey}`;

/** The forum's agenda in the schedule dialog: one row per item (subject, time box, minutes per speaker), add, remove, move. */
export function AgendaEditor({ rows, dispatch, locked, error }: { rows: AgendaRow[]; dispatch: Dispatch<AgendaDraftAction>; locked: boolean; error?: string | undefined }) {
  const t = useT();
  return (
    <fieldset className="fieldset agenda-editor" data-testid="agenda-editor">
      <legend>{t("forum.admin.agenda")}</legend>
      <p className="field__hint">{locked ? t("forum.admin.agendaLocked") : t("forum.admin.agendaHint")}</p>
      <ol className="agenda-editor__rows">
        {rows.map((row, i) => {
          const n = i + 1;
          const set = (field: "title" | "timeboxMin" | "speakerMin") => (e: { target: { value: string } }) =>
            dispatch({ type: "set", key: row.key, field, value: e.target.value });
          return (
            <li key={row.key} className="agenda-editor__row">
              <label className="field agenda-editor__title">
                <span className="field__label">{t("forum.admin.itemTitle", { n })}</span>
                <input name={`agenda-${n}-title`} maxLength={100} value={row.title} onChange={set("title")} disabled={locked} />
              </label>
              <label className="field">
                <span className="field__label">{t("forum.admin.timeboxMin")}</span>
                <input name={`agenda-${n}-timebox`} type="number" min={1} max={600} value={row.timeboxMin} onChange={set("timeboxMin")} disabled={locked} />
              </label>
              <label className="field">
                <span className="field__label">{t("forum.admin.speakerMin")}</span>
                <input name={`agenda-${n}-speaker`} type="number" min={1} max={60} value={row.speakerMin} onChange={set("speakerMin")} disabled={locked} />
              </label>
              <div className="agenda-editor__tools">
                <button type="button" className="button button--small" disabled={locked || i === 0} onClick={() => dispatch({ type: "move", key: row.key, by: -1 })} aria-label={t("forum.admin.moveUp", { n })}>
                  ↑
                </button>
                <button
                  type="button"
                  className="button button--small"
                  disabled={locked || i === rows.length - 1}
                  onClick={() => dispatch({ type: "move", key: row.key, by: 1 })}
                  aria-label={t("forum.admin.moveDown", { n })}
                >
                  ↓
                </button>
                <button type="button" className="button button--small button--quiet" disabled={locked} onClick={() => dispatch({ type: "remove", key: row.key })} aria-label={t("forum.admin.removeItem", { n })}>
                  ✕
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="button" className="button button--small" disabled={locked} onClick={() => dispatch({ type: "add", key: newRowKey() })}>
        + {t("forum.admin.addItem")}
      </button>
    </fieldset>
  );
}
