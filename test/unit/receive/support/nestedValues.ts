import protobuf from 'protobufjs/minimal.js';
import { spanIdOf, traceIdOf } from './encodeOtlp.ts';

/** How a nested test value is built: maps (`kvlistValue`) or arrays (`arrayValue`), `depth` of them around a leaf. */
export interface Nesting {
  readonly depth: number;
  readonly container: 'kvlist' | 'array';
}

/** Where the nested value sits: a span attribute, or an attribute of the span's event. */
export type NestedPlace = 'span' | 'event';

/** What the collector should store for a value that was not refused: the nested value as JSON, serialized once. */
export function expectedText({ depth, container }: Nesting): string {
  const open = container === 'kvlist' ? '{"k":' : '[';
  const close = container === 'kvlist' ? '}' : ']';
  return `${open.repeat(depth)}"leaf"${close.repeat(depth)}`;
}

/**
 * One span carrying attribute `deep` nested `depth` containers deep, as OTLP/JSON text. Built as text, since
 * JSON.stringify itself overflows the stack at 100k levels.
 */
export function nestedOtlpJson(n: number, name: string, nesting: Nesting, place: NestedPlace = 'span'): string {
  const open =
    nesting.container === 'kvlist' ? '{"kvlistValue":{"values":[{"key":"k","value":' : '{"arrayValue":{"values":[';
  const close = nesting.container === 'kvlist' ? '}]}}' : ']}}';
  const value = `${open.repeat(nesting.depth)}{"stringValue":"leaf"}${close.repeat(nesting.depth)}`;
  const attributes = `[{"key":"deep","value":${value}}]`;
  const span = {
    traceId: traceIdOf(n),
    spanId: spanIdOf(n),
    name,
    kind: 2,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000001000000',
  };
  const fields =
    place === 'span'
      ? `"attributes":${attributes}`
      : `"events":[{"name":"retry","timeUnixNano":"1700000000000500000","attributes":${attributes}}]`;
  const spanText = `${JSON.stringify(span).slice(0, -1)},${fields}}`;
  return `{"resourceSpans":[{"resource":{"attributes":[{"key":"service.name","value":{"stringValue":"deep"}}]},"scopeSpans":[{"scope":{"name":"test"},"spans":[${spanText}]}]}]}`;
}

/**
 * The same as protobuf. `attributesFirst` puts the attribute before the span's name on the wire (legal protobuf:
 * fields may come in any order), so the collector must name the span only after reading all of it.
 */
export function nestedOtlpProto(
  n: number,
  name: string,
  nesting: Nesting,
  options: { readonly place?: NestedPlace; readonly attributesFirst?: boolean } = {},
): Uint8Array {
  const w = protobuf.Writer.create();
  w.uint32(10).fork(); // resource_spans
  w.uint32(18).fork(); // scope_spans
  w.uint32(18).fork(); // spans
  const writeAttribute = () => {
    w.uint32(10).string('deep').uint32(18).fork(); // KeyValue.key, KeyValue.value (AnyValue)
    for (let i = 0; i < nesting.depth; i++) {
      // kvlist: AnyValue.kvlist_value -> KeyValueList.values -> KeyValue{key, value}; array: array_value -> values
      if (nesting.container === 'kvlist')
        w.uint32(50).fork().uint32(10).fork().uint32(10).string('k').uint32(18).fork();
      else w.uint32(42).fork().uint32(10).fork();
    }
    w.uint32(10).string('leaf');
    for (let i = 0; i < nesting.depth; i++) {
      if (nesting.container === 'kvlist') w.ldelim().ldelim().ldelim();
      else w.ldelim().ldelim();
    }
    w.ldelim();
  };
  const writeNested = () => {
    if (options.place === 'event') {
      w.uint32(90).fork(); // Span.events
      w.uint32(9).fixed64('1700000000000500000');
      w.uint32(26).fork(); // Event.attributes
      writeAttribute();
      w.ldelim();
      w.uint32(18).string('retry');
      w.ldelim();
    } else {
      w.uint32(74).fork(); // Span.attributes
      writeAttribute();
      w.ldelim();
    }
  };
  if (options.attributesFirst) writeNested();
  w.uint32(10).bytes(Buffer.from(traceIdOf(n), 'hex'));
  w.uint32(18).bytes(Buffer.from(spanIdOf(n), 'hex'));
  w.uint32(42).string(name);
  w.uint32(57).fixed64('1700000000000000000');
  w.uint32(65).fixed64('1700000000001000000');
  if (!options.attributesFirst) writeNested();
  w.ldelim().ldelim().ldelim();
  return w.finish();
}
