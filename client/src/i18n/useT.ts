import { useCallback } from "react";
import { usePreferences, type Lang } from "../stores/preferences.ts";
import { translate, type Translate } from "./translate.ts";

export { translate, type MessageKey, type Translate, type Vars } from "./translate.ts";

/** The translator for the chosen language; every component uses this one hook. */
export function useT(): Translate {
  const lang = usePreferences((s) => s.lang);
  return useCallback((key, vars) => translate(lang, key, vars), [lang]);
}

export function useLang(): Lang {
  return usePreferences((s) => s.lang);
}
