/**
 * JSON to place inside a `<script type="application/json">` element: `<` is written as `\u003c` (so no
 * `</script>` or `<!--` can end or change the element), and U+2028/U+2029 as escapes (some parsers take them for
 * line ends). `JSON.parse` of the element's text gives the value back unchanged.
 *
 * @example
 * `<script type="application/json" id="data">${embedJson(data)}</script>`;
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
