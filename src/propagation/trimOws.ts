/** Removes HTTP optional white space (spaces and tabs) around a header value or list member. */
export function trimOws(text: string): string {
  return text.replace(/^[ \t]+|[ \t]+$/g, '');
}
