import { setLang, usePreferences } from "../stores/preferences.ts";

/** Always labelled in the language it switches to, so anyone can find it. */
export function LanguageSwitch({ className = "" }: { className?: string }) {
  const lang = usePreferences((s) => s.lang);
  const next = lang === "zh-CN" ? "en" : "zh-CN";
  return (
    <button
      type="button"
      className={`lang-switch ${className}`}
      lang={next}
      onClick={() => setLang(next)}
      aria-label={next === "en" ? "Switch to English" : "切换到中文"}
    >
      {next === "en" ? "English" : "中文"}
    </button>
  );
}
