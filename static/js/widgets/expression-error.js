// A typed function that does not parse: the reason under the box, and the text again with a caret
// under the column the server named. Used by every widget that takes a function.

/**
 * @param input  the text box (marked aria-invalid while wrong)
 * @param el     where the reason goes
 * @param text   what was typed
 * @param detail the server's reason, or null when the text is fine
 * @param column the 1-based column at fault; read from "column N" in the reason when not given
 */
export function showExpressionError(input, el, text, detail, column = Number(/column (\d+)/.exec(detail ?? '')?.[1])) {
  input.setAttribute('aria-invalid', detail ? 'true' : 'false');
  if (!detail) {
    el.textContent = '';
    return;
  }
  const caret = Number.isInteger(column) && column >= 1 ? `\n${text}\n${' '.repeat(column - 1)}^` : '';
  el.textContent = detail + caret;
}
