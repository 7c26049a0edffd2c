import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { loadDictionary } from "./i18n/translate.ts";
import { syncDocumentLang, usePreferences } from "./stores/preferences.ts";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/voter.css";
import "./styles/hall.css";
import "./styles/desk.css";
import "./styles/screen.css";
import "./styles/home.css";
import "./styles/forum.css";

syncDocumentLang();

// A device that chose English waits for its words (one request) rather than flashing Chinese first.
void loadDictionary(usePreferences.getState().lang)
  .catch(() => undefined)
  .then(() => {
    createRoot(document.getElementById("root")!).render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
