import { useEffect, useState } from "react";
import { useT } from "../i18n/useT.ts";
import { Icon } from "./Icon.tsx";

/** Copies `text` (a tracking code) and says so; older phones without the Clipboard API fall back to a selection copy. */
export function CopyButton({ text, label }: { text: string; label?: string }) {
  const t = useT();
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const id = window.setTimeout(() => setState("idle"), 3000);
    return () => window.clearTimeout(id);
  }, [state]);

  const copy = async () => {
    try {
      if (navigator.clipboard?.writeText) await navigator.clipboard.writeText(text);
      else if (!copyBySelection(text)) throw new Error("no clipboard");
      setState("copied");
    } catch {
      setState(copyBySelection(text) ? "copied" : "failed");
    }
  };

  return (
    <span className="copy-button">
      <button type="button" className="button button--quiet" onClick={() => void copy()} aria-label={label ? `${t("common.copy")} ${label}` : undefined}>
        <Icon name="copy" /> {t("common.copy")}
      </button>
      <span role="status" className={state === "failed" ? "form__error" : "ok-text"}>
        {state === "copied" ? t("common.copied") : state === "failed" ? t("common.copyFailed") : ""}
      </span>
    </span>
  );
}

function copyBySelection(text: string): boolean {
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
