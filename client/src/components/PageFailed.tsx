import { Component, useEffect, useLayoutEffect, type ReactNode } from "react";
import { Link } from "react-router-dom";
import { useT } from "../i18n/useT.ts";
import { dropFirstView } from "../lib/first-view.ts";

/**
 * A page's code could not be fetched (a phone's network dropped while a page
 * chunk was on its way) or the page threw. React would otherwise leave a blank
 * page; this says in words what to do, offers a large reload, and reloads by
 * itself when the network comes back.
 */
export function PageFailed({ error }: { error: unknown }) {
  const t = useT();
  const network = isChunkLoadFailure(error);
  // A server-written first view (lib/first-view.ts) would hide this message: it goes.
  useLayoutEffect(() => dropFirstView(), []);
  useEffect(() => {
    if (!network) return;
    const reload = () => window.location.reload();
    window.addEventListener("online", reload);
    return () => window.removeEventListener("online", reload);
  }, [network]);
  return (
    <div className="page-message" role="alert" data-testid="page-failed" data-reason={network ? "network" : "error"}>
      <h1>{t(network ? "pageFailed.network.title" : "pageFailed.error.title")}</h1>
      <p>{t(network ? "pageFailed.network.body" : "pageFailed.error.body")}</p>
      <p className="button-row">
        <button type="button" className="button button--primary" onClick={() => window.location.reload()}>
          {t("pageFailed.reload")}
        </button>
        <Link to="/" reloadDocument className="button button--quiet">
          {t("notFound.home")}
        </Link>
      </p>
    </div>
  );
}

/** What Chromium, Firefox and Safari say when a dynamic import's fetch fails, and Vite when a chunk's stylesheet does. */
export function isChunkLoadFailure(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS|Failed to fetch/i.test(message);
}

/** Around each page (App.tsx `page()`): what the page threw, shown as PageFailed instead of a blank screen. */
export class PageErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown): { error: unknown } {
    return { error };
  }

  override render(): ReactNode {
    return this.state.error ? <PageFailed error={this.state.error} /> : this.props.children;
  }
}
