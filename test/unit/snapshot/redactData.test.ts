import { describe, expect, test } from 'vitest';
import { redactData } from '../../../src/snapshot/redactData.ts';
import { reportRedactions } from '../../../src/snapshot/reportRedactions.ts';

// What a matcher hands the runner as `actual`/`expected` for its diff: the secret rules must reach every value in it.
describe('redactData, over the plain data a failure shows', () => {
  test('a secret key hides the whole value; other entries are kept', () => {
    expect(
      redactData({ 'http.request.header.authorization': 'Bearer abc.def', 'http.route': '/orders' }, reportRedactions),
    ).toEqual({ 'http.request.header.authorization': expect.stringMatching(/^<redacted:/), 'http.route': '/orders' });
  });

  test('an array that holds an object is walked: a secret key inside it is hidden, the strings beside it kept', () => {
    const shown = redactData(
      { calls: ['GET /orders', { 'db.password': 'hunter2', 'db.system.name': 'postgresql' }] },
      reportRedactions,
    ) as { calls: [string, Record<string, unknown>] };
    expect(shown.calls[0]).toBe('GET /orders');
    expect(shown.calls[1]['db.system.name']).toBe('postgresql');
    expect(shown.calls[1]['db.password']).toMatch(/^<redacted:/);
    expect(JSON.stringify(shown)).not.toContain('hunter2');
  });

  test('an array of plain values is one attribute value: a secret key hides it whole', () => {
    const shown = redactData({ 'http.request.header.cookie': ['session=abc', 'theme=dark'] }, reportRedactions);
    expect(JSON.stringify(shown)).not.toContain('session=abc');
  });
});
