/**
 * How deep arrays and maps may nest inside one attribute value (OTLP `arrayValue` / `kvlistValue`). OpenTelemetry
 * SDKs produce flat values; a deeper value is refused (400, naming the span and the attribute) rather than decoded,
 * so that a few hundred hostile bytes can neither blow the stack nor hold the collector up.
 */
export const MAX_ATTRIBUTE_NESTING = 32;

/** Thrown by the value readers when a value nests past {@link MAX_ATTRIBUTE_NESTING}; the caller names it. */
export class AttributeTooDeep extends Error {
  override readonly name = 'AttributeTooDeep';
}

/** The level a container (array or map) at `level` would open, or an {@link AttributeTooDeep} past the limit. */
export function enterContainer(level: number): number {
  if (level >= MAX_ATTRIBUTE_NESTING) throw new AttributeTooDeep();
  return level + 1;
}

/** The reason a request is refused for an attribute nested too deep: whose attribute, which one, what to do. */
export function tooDeepProblem(owner: string, key: string): string {
  return (
    `${owner} attribute ${JSON.stringify(key)} nests arrays or maps more than ${MAX_ATTRIBUTE_NESTING} levels deep ` +
    `(the collector's limit); flatten the value or send it as a JSON string`
  );
}

/** `span "name"` for messages, a very long name cut short. */
export function spanOwner(name: string): string {
  return `span ${JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name)}`;
}
