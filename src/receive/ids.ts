const HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const ZERO_TRACE_ID = '0'.repeat(32);
const ZERO_SPAN_ID = '0'.repeat(16);
const HEX_ID = /^[0-9a-f]+$/;

/** Lower-case hex of raw id bytes (protobuf `bytes` trace and span ids). */
export function bytesToHex(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i++) out += HEX[bytes[i] as number];
  return out;
}

/** Why a trace id is not usable (32 hex characters, not all zero), or undefined when it is fine. */
export function traceIdProblem(id: string): string | undefined {
  if (id.length !== 32 || !HEX_ID.test(id)) return `trace id "${clip(id)}" is not 16 bytes of hex`;
  if (id === ZERO_TRACE_ID) return 'trace id is all zeros';
  return undefined;
}

/** Why a span id is not usable (16 hex characters, not all zero), or undefined when it is fine. */
export function spanIdProblem(id: string, what = 'span id'): string | undefined {
  if (id.length !== 16 || !HEX_ID.test(id)) return `${what} "${clip(id)}" is not 8 bytes of hex`;
  if (id === ZERO_SPAN_ID) return `${what} is all zeros`;
  return undefined;
}

/** True for the id a root span carries as its parent in some encodings (empty or all zeros). */
export function isNoParent(id: string | undefined): boolean {
  return id === undefined || id === '' || id === ZERO_SPAN_ID;
}

function clip(id: string): string {
  return id.length > 40 ? `${id.slice(0, 40)}...` : id;
}
