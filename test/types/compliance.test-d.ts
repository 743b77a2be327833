import {
  type CheckResult,
  type ConventionRule,
  type ConventionSignal,
  findSensitiveData,
  hasNoSensitiveData,
  hasSemanticConventions,
  httpRules,
  isWellInstrumented,
  type QualityOptions,
  rpcRules,
  type SecretDetector,
  type SemanticConventionOptions,
  type SensitiveDataOptions,
  type SensitiveFinding,
  type StabilityMode,
  secretDetectors,
  stabilityFromEnv,
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

describe('toFollowSemanticConventions', () => {
  test('signals and stability modes are typed', () => {
    expectTypeOf(expect(set).toFollowSemanticConventions)
      .parameter(0)
      .toEqualTypeOf<SemanticConventionOptions | undefined>();
    expect(set).toFollowSemanticConventions({ signals: ['http', 'db'], stability: { http: 'dup' }, skip: ['db.name'] });
    expect(set).toFollowSemanticConventions({ stability: 'old' });
    expect(set).toFollowSemanticConventions({ signals: ['rpc'], stability: { rpc: 'dup' } });
    // @ts-expect-error: not a signal
    expect(set).toFollowSemanticConventions({ signals: ['graphql'] });
    // @ts-expect-error: messaging has no stability opt-in
    expect(set).toFollowSemanticConventions({ stability: { messaging: 'old' } });
    // @ts-expect-error: not a stability mode
    expect(set).toFollowSemanticConventions({ stability: 'http/dup' });
    expectTypeOf<'stable' | 'dup' | 'old'>().toEqualTypeOf<StabilityMode>();
  });

  test('the check and the rule tables', () => {
    expectTypeOf(hasSemanticConventions(set)).toEqualTypeOf<CheckResult>();
    expectTypeOf(httpRules).toEqualTypeOf<readonly ConventionRule[]>();
    expectTypeOf(rpcRules).toEqualTypeOf<readonly ConventionRule[]>();
    expectTypeOf<ConventionSignal>().toEqualTypeOf<'http' | 'db' | 'messaging' | 'rpc'>();
    expectTypeOf(stabilityFromEnv('rpc/dup')).toEqualTypeOf<{
      http?: StabilityMode;
      db?: StabilityMode;
      rpc?: StabilityMode;
    }>();
    expectTypeOf<ConventionRule['problem']>().returns.toEqualTypeOf<string | undefined>();
  });
});

describe('toBeWellInstrumented', () => {
  test('options are typed', () => {
    expectTypeOf(expect(set).toBeWellInstrumented).parameter(0).toEqualTypeOf<QualityOptions | undefined>();
    expect(set).toBeWellInstrumented({ tinySpans: { under: '100us', atMost: 20 }, skip: ['service-name'] });
    // @ts-expect-error: not a rule
    expect(set).toBeWellInstrumented({ skip: ['slow-spans'] });
    expectTypeOf(isWellInstrumented(set)).toEqualTypeOf<CheckResult>();
  });
});
