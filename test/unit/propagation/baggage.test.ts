import { BAGGAGE_LIMITS, formatBaggage, parseBaggage } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';

describe('parseBaggage', () => {
  test('reads members, percent-decoded values and properties, with white space around them', () => {
    expect(parseBaggage(' tenant = acme%20corp ; ttl=60 ;secret , user.id=42')).toEqual({
      valid: true,
      value: [
        { key: 'tenant', value: 'acme corp', properties: [{ key: 'ttl', value: '60' }, { key: 'secret' }] },
        { key: 'user.id', value: '42', properties: [] },
      ],
    });
  });

  test('joins several headers and skips empty members', () => {
    expect(parseBaggage(['a=1,', 'b=%E2%9C%93'])).toEqual({
      valid: true,
      value: [
        { key: 'a', value: '1', properties: [] },
        { key: 'b', value: '✓', properties: [] },
      ],
    });
  });

  test('a member named __proto__ is an ordinary member, both ways (OpenTelemetry drops it on extract)', () => {
    const members = [{ key: '__proto__', value: '\u0000', properties: [] }];
    expect(parseBaggage(formatBaggage(members))).toEqual({ valid: true, value: members });
  });

  test('percent-decodes keys, as OpenTelemetry encodes them', () => {
    expect(parseBaggage('user%24id=1;ver%20sion')).toEqual({
      valid: true,
      value: [{ key: 'user$id', value: '1', properties: [{ key: 'ver sion' }] }],
    });
  });

  test('accepts an empty value', () => {
    expect(parseBaggage('a=')).toEqual({ valid: true, value: [{ key: 'a', value: '', properties: [] }] });
  });

  test.each([
    ['a member without "="', 'tenant', 'member "tenant" has no "="'],
    ['a key that is not a token', 'ten ant=1', `key "ten ant" is not a token (letters, digits and !#$%&'*+-.^_\`|~)`],
    ['an empty key', '=1', `key "" is not a token (letters, digits and !#$%&'*+-.^_\`|~)`],
    ['a raw space inside the value', 'a=b c', 'value of key "a" has a character that must be percent-encoded ("b c")'],
    [
      'a double quote in the value',
      'a="b"',
      'value of key "a" has a character that must be percent-encoded ("\\"b\\"")',
    ],
    ['a broken percent-encoding', 'a=%E2%9C', 'value of key "a" has invalid percent-encoding ("%E2%9C")'],
    ['a property that is not a token', 'a=1;b c', 'property "b c" of key "a" is not a token'],
    ['a broken property value', 'a=1;p=%zz', 'value of property "p" of key "a" has invalid percent-encoding ("%zz")'],
  ])('rejects %s', (_, header, reason) => {
    expect(parseBaggage(header)).toEqual({ valid: false, reason });
  });

  test('rejects a header over the size limit', () => {
    const members = Array.from({ length: 3 }, (_, i) => `k${i}=${'v'.repeat(3000)}`).join(',');
    expect(parseBaggage(members)).toEqual({
      valid: false,
      reason: `baggage is ${members.length} bytes long, at most ${BAGGAGE_LIMITS.maxBytes} are allowed`,
    });
  });

  test('rejects a member over the member size limit', () => {
    expect(parseBaggage(`big=${'v'.repeat(4100)}`)).toEqual({
      valid: false,
      reason: 'member "big=vvvvvvvvvvvvvvvv"… is longer than 4096 bytes',
    });
  });

  test('rejects more members than the grammar allows', () => {
    const members = Array.from({ length: 181 }, (_, i) => `k${i}=1`).join(',');
    expect(parseBaggage(members)).toEqual({ valid: false, reason: 'baggage has 181 members, at most 180 are allowed' });
  });
});

describe('formatBaggage', () => {
  test('percent-encodes values and writes properties after ";"', () => {
    expect(
      formatBaggage([
        { key: 'tenant', value: 'acme corp, inc', properties: [{ key: 'ttl', value: '60' }, { key: 'secret' }] },
        { key: 'b', value: '✓', properties: [] },
      ]),
    ).toBe('tenant=acme%20corp%2C%20inc;ttl=60;secret,b=%E2%9C%93');
  });
});
