import { describe, expect, test } from 'vitest';
import { defaultRedactions } from '../../../src/snapshot/defaultRedactions.ts';
import { redactAttribute, redactText } from '../../../src/snapshot/redact.ts';
import { reportRedactions } from '../../../src/snapshot/reportRedactions.ts';
import { fingerprint } from '../../../src/snapshot/secrets/fingerprint.ts';
import { passesLuhn } from '../../../src/snapshot/secrets/passesLuhn.ts';
import { secretDetectors } from '../../../src/snapshot/secrets/secretDetectors.ts';
import { secretSamples } from '../../support/secretSamples.ts';

function shown(key: string, value: string): string {
  const redacted = redactAttribute(key, value, reportRedactions);
  return typeof redacted === 'object' && redacted !== null && 'placeholder' in redacted
    ? redacted.placeholder
    : String(redacted);
}

describe('secret detectors (one table, applied by reportRedactions and defaultRedactions)', () => {
  test('every detector of the table has a sample, and every credential detector is a redaction rule of both', () => {
    const credentials = secretDetectors.filter((detector) => !detector.optIn).map((detector) => detector.name);
    expect(new Set(secretSamples.map((sample) => sample.detector))).toEqual(new Set(credentials));
    expect(reportRedactions.map((rule) => rule.name)).toEqual(credentials);
    expect(defaultRedactions.slice(0, credentials.length).map((rule) => rule.name)).toEqual(credentials);
    expect(secretDetectors.filter((detector) => detector.optIn).map((detector) => detector.name)).toEqual([
      'email',
      'ip',
    ]);
  });

  test.each(secretSamples)('$detector: $key = $text', ({ detector, key, text, secret }) => {
    const result = shown(key, text);
    expect(result).not.toContain(secret);
    expect(result).toMatch(new RegExp(`<redacted:${detector}#[0-9a-f]{4}>`));
  });

  test('the part around a secret stays, so the value still says what it was', () => {
    expect(redactText('Authorization: Bearer abc.def', reportRedactions)).toBe(
      `Authorization: Bearer <redacted:bearer#${fingerprint('abc.def')}>`,
    );
    expect(redactText('postgres://app:pw@db/shop', reportRedactions)).toBe(
      `postgres://<redacted:url-credentials#${fingerprint('app:pw')}>@db/shop`,
    );
    expect(redactText('https://x.test/a?page=2&token=abc&b=1', reportRedactions)).toBe(
      `https://x.test/a?page=2&token=<redacted:query-secret#${fingerprint('abc')}>&b=1`,
    );
    expect(redactText("SELECT 1 WHERE password = 'pw'", reportRedactions)).toBe(
      `SELECT 1 WHERE password = <redacted:assigned-secret#${fingerprint("'pw'")}>`,
    );
  });

  test('two different tokens differ, the same token is the same everywhere', () => {
    const a = redactText('Bearer token-one', reportRedactions);
    const b = redactText('Bearer token-two', reportRedactions);
    expect(a).not.toBe(b);
    expect(redactText('Bearer token-one', reportRedactions)).toBe(a);
    expect(fingerprint('')).toMatch(/^[0-9a-f]{4}$/);
  });

  test('what is not a secret stays: counts of tokens, ids, epochs, non-Luhn numbers, prose', () => {
    const kept: [string, string | number][] = [
      ['gen_ai.usage.input_tokens', 1234],
      ['http.request.header.content-type', 'application/json'],
      ['url.full', 'https://api.test/v1/orders?page=2&sort=asc'],
      ['db.query.text', 'SELECT * FROM users WHERE id = $1'],
      ['app.note', '4111 1111 1111 1112'],
      ['app.started', '1733081234567'],
      ['app.trace', '4bf92f3577b34da6a3ce929d0e0e4736'],
      ['app.note', 'the token was refreshed'],
      ['app.email', 'alice@example.com'],
    ];
    for (const [key, value] of kept) expect(redactAttribute(key, value, reportRedactions)).toEqual(value);
  });

  test('Luhn: scheme prefixes, lengths and the check digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('378282246310005')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('1733081234567')).toBe(false);
    expect(passesLuhn('41111')).toBe(false);
  });

  test('turning one rule off is explicit: filter it out by name', () => {
    const withoutCards = reportRedactions.filter((rule) => rule.name !== 'card-number');
    expect(redactText('4111 1111 1111 1111', withoutCards)).toBe('4111 1111 1111 1111');
    expect(redactText('Bearer abc', withoutCards)).toContain('<redacted:bearer#');
  });
});
