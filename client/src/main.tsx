import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { syncDocumentLang } from "./stores/preferences.ts";
import "./styles/base.css";
import "./styles/components.css";
import "./styles/voter.css";
import "./styles/hall.css";
import "./styles/desk.css";
import "./styles/screen.css";
import "./styles/home.css";
import "./styles/forum.css";

syncDocumentLang();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
