// The cases of the W3C trace-context test suite (w3c/trace-context, test/test.py) for tracestate, at its strictest
// level (STRICT_LEVEL 2): a header with one bad member, a duplicated key or too many members is discarded whole.
import { parseTracestate } from 'tracespec/propagation';
import { describe, expect, test } from 'vitest';

const KEY_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789_-*/';
const VALUE_CHARS = Array.from({ length: 0x7e - 0x20 + 1 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((c) => c !== ',' && c !== '=')
  .join('');
const bars = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'))
    .map((n) => `bar${n}=${n}`)
    .join(',');

describe('valid tracestate headers of the W3C suite', () => {
  test.each([
    ['one member', ['foo=1'], [['foo', '1']]],
    [
      'two members, in order',
      ['foo=1,bar=2'],
      [
        ['foo', '1'],
        ['bar', '2'],
      ],
    ],
    ['an empty header', [''], []],
    ['an empty header after a member', ['foo=1', ''], [['foo', '1']]],
    ['an empty header before a member', ['', 'foo=1'], [['foo', '1']]],
    [
      'several headers with different keys, combined in order',
      ['foo=1,bar=2', 'rojo=1,congo=2', 'baz=3'],
      [
        ['foo', '1'],
        ['bar', '2'],
        ['rojo', '1'],
        ['congo', '2'],
        ['baz', '3'],
      ],
    ],
    ['every allowed character, simple key', [`${KEY_CHARS}=${VALUE_CHARS}`], [[KEY_CHARS, VALUE_CHARS]]],
    [
      'every allowed character, multi-tenant key',
      [`${KEY_CHARS}@a-z0-9_-*/=${VALUE_CHARS}`],
      [[`${KEY_CHARS}@a-z0-9_-*/`, VALUE_CHARS]],
    ],
    [
      'spaces and tabs around ","',
      ['foo=1 \t , \t bar=2, \t baz=3'],
      [
        ['foo', '1'],
        ['bar', '2'],
        ['baz', '3'],
      ],
    ],
    [
      'tabs and spaces around ","',
      ['foo=1\t \t,\t \tbar=2,\t \tbaz=3'],
      [
        ['foo', '1'],
        ['bar', '2'],
        ['baz', '3'],
      ],
    ],
    ['a leading space', [' foo=1'], [['foo', '1']]],
    ['a leading tab', ['\tfoo=1'], [['foo', '1']]],
    ['a trailing space', ['foo=1 '], [['foo', '1']]],
    ['a trailing tab', ['foo=1\t'], [['foo', '1']]],
    ['white space on both sides', ['\t foo=1 \t'], [['foo', '1']]],
    ['32 members over 4 headers', [bars(1, 10), bars(11, 20), bars(21, 30), bars(31, 32)], 32],
    [
      'a key of 256 characters',
      ['foo=1', `${'z'.repeat(256)}=1`],
      [
        ['foo', '1'],
        ['z'.repeat(256), '1'],
      ],
    ],
    [
      'a tenant of 241 and a system of 14 characters',
      ['foo=1', `${'t'.repeat(241)}@${'v'.repeat(14)}=1`],
      [
        ['foo', '1'],
        [`${'t'.repeat(241)}@${'v'.repeat(14)}`, '1'],
      ],
    ],
  ] as const)('%s', (_, headers, expected) => {
    const result = parseTracestate(headers);
    if (typeof expected === 'number') {
      expect(result.valid && result.value.length).toBe(expected);
      return;
    }
    expect(result).toEqual({ valid: true, value: expected.map(([key, value]) => ({ key, value })) });
  });
});

describe('invalid tracestate headers of the W3C suite', () => {
  test.each([
    ['duplicated key, same value', ['foo=1,foo=1'], 'key "foo" appears twice'],
    ['duplicated key, other value', ['foo=1,foo=2'], 'key "foo" appears twice'],
    ['duplicated key over two headers, same value', ['foo=1', 'foo=1'], 'key "foo" appears twice'],
    ['duplicated key over two headers, other value', ['foo=1', 'foo=2'], 'key "foo" appears twice'],
    ['a space in the key', ['foo =1'], 'key "foo " must start with a lower-case letter and use only a-z 0-9 _ - * /'],
    ['an upper-case key', ['FOO=1'], 'key "FOO" must start with a lower-case letter and use only a-z 0-9 _ - * /'],
    [
      'a dot in the key',
      ['foo.bar=1'],
      'key "foo.bar" must start with a lower-case letter and use only a-z 0-9 _ - * /',
    ],
    [
      'an empty system',
      ['foo@=1,bar=2'],
      'system "" of key "foo@" must be a lower-case letter then at most 13 of a-z 0-9 _ - * /',
    ],
    ['an empty tenant', ['@foo=1,bar=2'], 'tenant "" of key "@foo" must be 1-241 of a-z 0-9 _ - * /'],
    ['two "@" in a row', ['foo@@bar=1,bar=2'], 'key "foo@@bar" has more than one "@"'],
    ['two "@"', ['foo@bar@baz=1,bar=2'], 'key "foo@bar@baz" has more than one "@"'],
    [
      '33 members over 4 headers',
      [bars(1, 10), bars(11, 20), bars(21, 30), bars(31, 33)],
      'tracestate has 33 members, at most 32 are allowed',
    ],
    [
      'a key of 257 characters',
      ['foo=1', `${'z'.repeat(257)}=1`],
      `key "${'z'.repeat(32)}"… is 257 characters long, at most 256 are allowed`,
    ],
    [
      'a tenant of 242 characters',
      ['foo=1', `${'t'.repeat(242)}@v=1`],
      `tenant of key "${'t'.repeat(32)}"… is 242 characters long, at most 241 are allowed`,
    ],
    [
      'a system of 15 characters',
      ['foo=1', `t@${'v'.repeat(15)}=1`],
      'system of key "t@vvvvvvvvvvvvvvv" is 15 characters long, at most 14 are allowed',
    ],
    [
      'an "=" in the value',
      ['foo=bar=baz'],
      'value of key "foo" must be printable ASCII without "," or "=" and not end with a space ("bar=baz")',
    ],
    ['an empty value', ['foo=,bar=3'], 'value of key "foo" is empty'],
    ['a member without "="', ['foo'], 'member "foo" has no "="'],
  ])('%s', (_, headers, reason) => {
    expect(parseTracestate(headers)).toEqual({ valid: false, reason });
  });
});
