import type { Span } from '../model/Span.ts';
import type { AttributeFilter } from './SelectorAst.ts';

/** The value a predicate tests: a built-in field, or else the attribute with that key. */
export function spanValue(span: Span, filter: AttributeFilter): unknown {
  switch (filter.field) {
    case 'name':
      return span.name;
    case 'service':
      return span.service;
    case 'kind':
      return span.kind;
    case 'status':
      return span.status.code;
    case 'scope':
      return span.scope.name;
    case 'duration':
      return span.durationNano;
    default:
      return span.attributes[filter.key];
  }
}
