/**
 * A session's title shown beside its venue's name: a title that starts with
 * the venue (typed that way by staff, or imported) would read twice, so the
 * repeated part and its separator are dropped. Never returns an empty title.
 * Pure; the pages (client/src/lib/format.ts) and the voter page's first view
 * (transport/http/first-view.ts) both use it.
 */
export function titleBesideVenue(title: string, venueName: string): string {
  if (!venueName || !title.startsWith(venueName)) return title;
  const rest = title.slice(venueName.length).replace(/^[\s·•\-—–:：|｜,，]+/, "");
  return rest || title;
}
