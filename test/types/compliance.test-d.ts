import {
  type CheckResult,
  findSensitiveData,
  hasNoSensitiveData,
  type SecretDetector,
  type SensitiveDataOptions,
  type SensitiveFinding,
  secretDetectors,
  type TraceSet,
} from 'tracespec';
import 'tracespec/vitest';
import { describe, expect, expectTypeOf, test } from 'vitest';

declare const set: TraceSet;

describe('toHaveNoSensitiveData', () => {
  test('options are typed: pii names, detectors of three kinds, allow-lists', () => {
    expectTypeOf(expect(set).toHaveNoSensitiveData).parameter(0).toEqualTypeOf<SensitiveDataOptions | undefined>();
    expect(set).toHaveNoSensitiveData({
      pii: ['email', 'ip'],
      detectors: [/x/g, { name: 'emp', find: (text: string) => text.slice(0, 1) }, { name: 'k', finds: 'k', key: /k/ }],
      allowKeys: ['a', /b/],
      allowSpans: ['GET /health', /health/, (span) => span.kind === 'internal'],
    });
    // @ts-expect-error: 'phone' is not a personal-data detector
    expect(set).toHaveNoSensitiveData({ pii: ['phone'] });
    // @ts-expect-error: a finder returns the secret found, not a boolean
    expect(set).toHaveNoSensitiveData({ detectors: [{ name: 'bad', find: () => true }] });
  });

  test('the check and the scan are plain functions', () => {
    expectTypeOf(hasNoSensitiveData(set)).toEqualTypeOf<CheckResult>();
    expectTypeOf(findSensitiveData(set, { pii: true })).toEqualTypeOf<SensitiveFinding[]>();
    expectTypeOf(secretDetectors).toEqualTypeOf<readonly SecretDetector[]>();
    expectTypeOf<SensitiveFinding['excerpt']>().toEqualTypeOf<string>();
  });
});
