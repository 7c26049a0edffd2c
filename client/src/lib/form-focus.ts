/**
 * Where the keyboard (and a screen reader) goes after a public form is sent:
 * to the heading of what replaced the form, or to the first field the server refused.
 */

/** After the next paint: focus the element with this id and bring it into view. */
export function focusHeading(id: string): void {
  requestAnimationFrame(() => {
    const heading = document.getElementById(id);
    heading?.focus();
    heading?.scrollIntoView({ block: "start" });
  });
}

/** After the next paint: focus the first invalid field inside `scope` (a CSS selector). */
export function focusFirstError(scope: string): void {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>(`${scope} [aria-invalid='true']`)?.focus();
  });
}
