/**
 * One `key=value` member of a W3C `tracestate` header.
 *
 * @example
 * const member: TraceStateMember = { key: 'congo', value: 't61rcWkgMzE' };
 */
export interface TraceStateMember {
  readonly key: string;
  readonly value: string;
}

/**
 * A parsed W3C `tracestate` header: its members, left-most (most recent vendor) first.
 *
 * @example
 * const state: TraceState = [{ key: 'rojo', value: '00f067aa0ba902b7' }, { key: 'congo', value: 't61rcWkgMzE' }];
 */
export type TraceState = readonly TraceStateMember[];
