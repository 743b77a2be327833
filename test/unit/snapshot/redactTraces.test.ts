import { describe, expect, test } from 'vitest';
import { deserializeRedactions, serializeRedactions } from '../../../src/reporter/serializedRedactions.ts';
import { redactMessage } from '../../../src/snapshot/redactTraces.ts';
import { reportRedactions } from '../../../src/snapshot/reportRedactions.ts';

describe('redaction rules for reports', () => {
  test('reportRedactions: secret-named keys and Bearer/Basic credentials; ids, hosts and ports stay', () => {
    expect(redactMessage('Authorization: Bearer eyJ.abc-def_ghi= then Basic dXNlcjpwYXNz', reportRedactions)).toMatch(
      /^Authorization: Bearer <redacted:bearer#[0-9a-f]{4}> then Basic <redacted:basic#[0-9a-f]{4}>$/,
    );
    expect(redactMessage('GET http://orders:3000/orders/7f3a 4bf92f3577b34da6a3ce929d0e0e4736', reportRedactions)).toBe(
      'GET http://orders:3000/orders/7f3a 4bf92f3577b34da6a3ce929d0e0e4736',
    );
  });

  test('rules survive the trip from the reporter to the workers', () => {
    const rules = [
      ...reportRedactions,
      { name: 'sku', value: /SKU-\d+/g, replacement: '<sku>' },
      { name: 'sku-key', key: /^sku$/i, value: /\d+/g, replacement: '#' },
    ];
    const back = deserializeRedactions(JSON.parse(JSON.stringify(serializeRedactions(rules))));
    expect(
      back.map((rule) => [
        rule.name,
        rule.key?.source,
        rule.key?.flags,
        rule.value?.source,
        rule.value?.flags,
        rule.replacement,
      ]),
    ).toEqual(
      rules.map((rule) => [
        rule.name,
        rule.key?.source,
        rule.key?.flags,
        rule.value?.source,
        rule.value?.flags,
        rule.replacement,
      ]),
    );
    expect(redactMessage('SKU-12 Bearer x 4111 1111 1111 1111', back)).toMatch(
      /^<sku> Bearer <redacted:bearer#[0-9a-f]{4}> <redacted:card-number#[0-9a-f]{4}>$/,
    );
    // The card rule's Luhn check is a function: tracespec's own rule travels by name, a user's cannot travel.
    expect(back.find((rule) => rule.name === 'card-number')?.accept).toBeTypeOf('function');
    expect(() => serializeRedactions([{ name: 'mine', value: /\d+/g, accept: () => true, replacement: '#' }])).toThrow(
      '[tracespec] the redaction rule "mine" has an accept function',
    );
  });
});
