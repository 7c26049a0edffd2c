import { Link, useParams } from "react-router-dom";
import { cnDateOf } from "@domain/cn-calendar.ts";
import type { SuggestionDetail } from "@protocol/suggestions.ts";
import { useDocumentTitle } from "../../hooks/useDocumentTitle.ts";
import { useT } from "../../i18n/useT.ts";
import { LoadState } from "../admin/shared/LoadState.tsx";
import { useResource } from "../admin/shared/useResource.ts";
import { suggestionApi } from "./suggestion-api.ts";
import "./suggestions.css";

/** 2026年12月7日: a letter's date, China time. */
function letterDate(iso: string): string {
  const [y, m, d] = cnDateOf(new Date(iso)).split("-").map(Number);
  return `${y}年${m}月${d}日`;
}

/** The letter's text, the same in the page and in the Word file: a formal 答复函 in Chinese. */
function letterParts(s: SuggestionDetail) {
  const a = s.answers.at(-1)!;
  return {
    from: a.departmentName,
    title: `关于对${s.leadDeputyName.replace(/代表$/, "")}代表第${s.number}号建议的答复`,
    kind: `（${a.kind}类）`,
    to: `${s.leadDeputyName.replace(/代表$/, "")}代表：`,
    opening: `您提出的《${s.title}》收悉。经认真研究，现答复如下：`,
    body: a.text,
    closing: "感谢您对我们工作的关心和支持，欢迎继续提出宝贵意见。",
    date: letterDate(a.at),
  };
}

const escapeHtml = (v: string) => v.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** A Word-compatible file: Word opens an HTML document saved as .doc, keeping the layout. */
function downloadWord(s: SuggestionDetail): void {
  const p = letterParts(s);
  const para = (text: string, style = "text-indent:2em") => `<p style="${style}">${escapeHtml(text).replace(/\n/g, "<br>")}</p>`;
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta charset="utf-8"><title>${escapeHtml(p.title)}</title></head><body style="font-family:'FangSong','仿宋',serif;font-size:16pt;line-height:1.8">${para(p.from, "text-align:center;font-size:22pt;font-weight:bold")}${para(p.title, "text-align:center;font-size:18pt;font-weight:bold")}${para(p.kind, "text-align:center")}${para(p.to, "")}${para(p.opening)}${para(p.body)}${para(p.closing)}${para(p.from, "text-align:right")}${para(p.date, "text-align:right")}</body></html>`;
  const url = URL.createObjectURL(new Blob(["\ufeff", html], { type: "application/msword" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = `答复函-${s.number}.doc`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** /admin/suggestions/:id/letter — the department's answer as a formal reply letter (答复函), to print or save for Word. */
export function ReplyLetterPage() {
  const { suggestionId = "" } = useParams();
  const t = useT();
  const res = useResource(() => suggestionApi.one(suggestionId), suggestionId);
  const s = res.data?.suggestion;
  useDocumentTitle(s ? `${t("suggestion.letter.title")} ${s.number}` : t("suggestion.letter.title"));
  return (
    <div className="bo-page">
      <p className="no-print">
        <Link to={`/admin/suggestions/${encodeURIComponent(suggestionId)}`}>← {t("suggestion.letter.back")}</Link>
      </p>
      <LoadState loading={res.loading} error={res.error} onRetry={() => void res.reload()}>
        {s && s.answers.length === 0 ? <p className="notice notice--warn">{t("suggestion.letter.none")}</p> : null}
        {s && s.answers.length > 0 ? <Letter s={s} /> : null}
      </LoadState>
    </div>
  );
}

function Letter({ s }: { s: SuggestionDetail }) {
  const t = useT();
  const p = letterParts(s);
  return (
    <>
      <div className="button-row no-print">
        <button type="button" className="button button--primary" onClick={() => window.print()}>
          {t("suggestion.letter.print")}
        </button>
        <button type="button" className="button" onClick={() => downloadWord(s)}>
          {t("suggestion.letter.word")}
        </button>
      </div>
      <article className="reply-letter" lang="zh-CN" aria-label={t("suggestion.letter.title")}>
        <p className="reply-letter__from">{p.from}</p>
        <h1 className="reply-letter__title">{p.title}</h1>
        <p className="reply-letter__kind">{p.kind}</p>
        <p>{p.to}</p>
        <p className="reply-letter__para">{p.opening}</p>
        <p className="reply-letter__para reply-letter__body">{p.body}</p>
        <p className="reply-letter__para">{p.closing}</p>
        <p className="reply-letter__sign">{p.from}</p>
        <p className="reply-letter__sign">{p.date}</p>
      </article>
    </>
  );
}
