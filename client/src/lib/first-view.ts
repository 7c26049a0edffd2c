/**
 * The first view the server writes into a page's HTML (`#first-view`, see
 * server/src/transport/http/first-view.ts): a stand-in shown before the
 * scripts arrive, while React's `#root` stays hidden. It goes as soon as the
 * page can show the real thing — or say what went wrong.
 */
export const FIRST_VIEW_ID = "first-view";

export function firstViewElement(doc: Document = document): HTMLElement | null {
  return doc.getElementById(FIRST_VIEW_ID);
}

/** Removes the stand-in (and with it the rule hiding `#root`); nothing when there is none. */
export function dropFirstView(doc: Document = document): void {
  firstViewElement(doc)?.remove();
}
