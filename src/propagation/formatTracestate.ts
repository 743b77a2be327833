import type { TraceState } from './TraceState.ts';

/**
 * Formats `tracestate` members as one header value, in order.
 *
 * @example
 * formatTracestate([{ key: 'rojo', value: '00f067aa0ba902b7' }, { key: 'congo', value: 't61rcWkgMzE' }]);
 * // 'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE'
 */
export function formatTracestate(state: TraceState): string {
  return state.map(({ key, value }) => `${key}=${value}`).join(',');
}
