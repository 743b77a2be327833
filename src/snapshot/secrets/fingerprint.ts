/**
 * A short, stable fingerprint of a redacted value: 4 hex digits of its 32-bit FNV-1a hash (folded to 16 bits), so
 * that a snapshot or a report shows that two redacted tokens differ without showing either. FNV-1a is not a
 * cryptographic hash and needs no `node:crypto` (the core runs anywhere); 16 bits cannot be reversed into a token
 * of any useful length, but two different tokens share a fingerprint once in 65,536 pairs.
 *
 * @example
 * fingerprint('eyJhbGciOi...'); // '3f2a'
 */
export function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return ((hash >>> 16) ^ (hash & 0xffff)).toString(16).padStart(4, '0');
}
