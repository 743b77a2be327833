/**
 * Limits of a W3C `baggage` header: the grammar allows 180 members, and the limits OpenTelemetry applies cap a
 * member at 4096 bytes and the header at 8192 bytes.
 *
 * @example
 * if (header.length > BAGGAGE_LIMITS.maxBytes) console.log('too long');
 */
export const BAGGAGE_LIMITS = { maxMembers: 180, maxMemberBytes: 4096, maxBytes: 8192 } as const;
