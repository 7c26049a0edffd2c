/**
 * A page in a chunk of its own (React.lazy) that can also be fetched before the first render.
 * A phone opening a link or QR code (/s/:id, /b/:code…) has the page's chunk on its way with
 * the entry already (the server names it in the page's HTML, docs/ARCHITECTURE.md "Serving
 * the client"); main.tsx waits for it, so React's first render is the page itself, not a
 * loading line first and the page in a second long task after the first paint.
 */
import { createElement, lazy, useState, type ComponentType, type ReactElement } from "react";

export interface LazyPage {
  (): ReactElement;
  /** fetches and evaluates the page's chunk; a failure is left for the page's own render to show */
  preload(): Promise<void>;
}

export function lazyPage(load: () => Promise<ComponentType>): LazyPage {
  let loaded: ComponentType | null = null;
  let pending: Promise<ComponentType> | null = null;
  const get = () => (pending ??= load().then((page) => (loaded = page)));
  const Lazy = lazy(() => get().then((page) => ({ default: page })));
  function Page(): ReactElement {
    // Chosen once per mount: switching from Lazy to the page itself later would remount it.
    const [Ready] = useState(() => loaded);
    return Ready ? createElement(Ready) : createElement(Lazy);
  }
  Page.preload = () => get().then(
    () => undefined,
    () => undefined,
  );
  return Page;
}
