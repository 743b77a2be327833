import { failureMarks } from '../../../model/FailureMarks.ts';
import type { Span } from '../../../model/Span.ts';
import type { TraceSet } from '../../../model/TraceSet.ts';
import { renderTraces } from '../../../render/renderTraces.ts';
import type { CheckResult } from '../../CheckResult.ts';
import { checkMessage } from '../../checkMessage.ts';
import type { ConventionRule, ConventionSignal, StabilityMode } from './ConventionRule.ts';
import { dbRules } from './dbRules.ts';
import { deprecatedRules } from './deprecatedRules.ts';
import { httpRules } from './httpRules.ts';
import { messagingRules } from './messagingRules.ts';
import { rpcRules } from './rpcRules.ts';
import type { SemanticConventionOptions } from './SemanticConventionOptions.ts';
import { rolesOf } from './spanRole.ts';

const SIGNALS: readonly ConventionSignal[] = ['http', 'db', 'messaging', 'rpc'];
const MODES: readonly StabilityMode[] = ['stable', 'dup', 'old'];
const RULES: readonly ConventionRule[] = [...httpRules, ...dbRules, ...messagingRules, ...rpcRules, ...deprecatedRules];
const SHOWN = 25;

interface Problem {
  readonly span: Span;
  readonly rule: ConventionRule;
  readonly text: string;
}

/**
 * Checks HTTP server and client spans, database client spans, messaging spans and RPC client and server spans
 * against the OpenTelemetry semantic conventions: required and conditionally required attributes and their types,
 * span names, kinds, status rules (gRPC codes by side), that a consumer keeps the producer's context, and
 * deprecated attribute names (flagged with their replacements in the `stable` mode). Each problem names its span,
 * the rule and the spec section. Fails as well when no span of the signals is found (nothing was checked).
 *
 * @example
 * hasSemanticConventions(traceSet, { signals: ['http'], stability: 'stable' });
 */
export function hasSemanticConventions(set: TraceSet, options: SemanticConventionOptions = {}): CheckResult {
  const signals = validSignals(options.signals);
  const modes = modesOf(options.stability);
  const skipped = new Set(options.skip ?? []);
  const rules = RULES.filter(
    (rule) => signals.includes(rule.signal) && rule.modes.includes(modes[rule.signal]) && !skipped.has(rule.id),
  );
  const problems: Problem[] = [];
  let checked = 0;
  for (const span of set.spans) {
    const roles = rolesOf(span).filter((role) => signals.includes(role.split('.')[0] as ConventionSignal));
    if (roles.length === 0) continue;
    checked++;
    for (const rule of rules) {
      if (!roles.includes(rule.role)) continue;
      const text = rule.problem(span, set);
      if (text !== undefined) problems.push({ span, rule, text });
    }
  }
  const pass = checked > 0 && problems.length === 0;
  const notes = () => {
    const numbers = new Map<Span, number[]>();
    for (const [i, problem] of problems.entries()) {
      numbers.set(problem.span, [...(numbers.get(problem.span) ?? []), i + 1]);
    }
    return new Map<Span, string>([...numbers].map(([span, list]) => [span, `◀ ${list.join(', ')}`]));
  };
  const shownModes = signals.map((signal) => (signal === 'messaging' ? signal : `${signal}: ${modes[signal]}`));
  const expected = `spans that follow the semantic conventions (${shownModes.join(', ')})`;
  return {
    pass,
    marks: () => failureMarks(notes()),
    message: () => {
      if (checked === 0) {
        return checkMessage({
          expected,
          received: `no ${signals.join(' or ')} span among ${set.spans.length} spans: nothing to check`,
          details: [
            '  (an HTTP span has http.request.method or http.method; a database span db.system.name or db.system;',
            '   a messaging span messaging.system; an RPC span rpc.system.name or rpc.system)',
          ],
          blocks: [renderTraces(set)],
        });
      }
      if (pass) {
        return checkMessage({
          expected: `a span that breaks a semantic convention (${signals.join(', ')})`,
          received: `all ${checked} checked span${checked === 1 ? '' : 's'} (${signals.join(', ')}) follow the ${rules.length} rules`,
        });
      }
      const spans = new Set(problems.map((problem) => problem.span)).size;
      return checkMessage({
        expected,
        received: `${problems.length} problem${problems.length === 1 ? '' : 's'} in ${spans} of ${checked} checked spans:`,
        details: [
          ...problems
            .slice(0, SHOWN)
            .flatMap((problem, i) => [
              `  ${i + 1}. ${problem.span.service} ${problem.span.kind} ${JSON.stringify(problem.span.name)}: ${problem.text}`,
              `     ${problem.rule.id}: ${problem.rule.says} (${problem.rule.section})`,
            ]),
          ...(problems.length > SHOWN ? [`  … and ${problems.length - SHOWN} more`] : []),
        ],
        blocks: [renderTraces(set, { marks: notes() })],
      });
    },
  };
}

function validSignals(signals: readonly string[] | undefined): readonly ConventionSignal[] {
  if (signals === undefined) return SIGNALS;
  for (const signal of signals) {
    if (!(SIGNALS as readonly string[]).includes(signal)) {
      throw new Error(
        `[tracespec] toFollowSemanticConventions: unknown signal ${JSON.stringify(signal)}; the signals checked are ${SIGNALS.map((s) => JSON.stringify(s)).join(', ')}.`,
      );
    }
  }
  return signals as readonly ConventionSignal[];
}

function modesOf(stability: SemanticConventionOptions['stability']): Record<ConventionSignal, StabilityMode> {
  const given = typeof stability === 'string' ? { http: stability, db: stability, rpc: stability } : (stability ?? {});
  // Messaging conventions have no opt-in variable: their rules hold in every mode. RPC instrumentations that predate
  // the stable RPC conventions keep the old names until OTEL_SEMCONV_STABILITY_OPT_IN=rpc (rpc-spans, the
  // migration note): the old names are the default there.
  const modes = {
    http: given.http ?? 'stable',
    db: given.db ?? 'stable',
    messaging: 'stable' as const,
    rpc: given.rpc ?? 'old',
  };
  for (const mode of Object.values(modes)) {
    if (!MODES.includes(mode)) {
      throw new Error(
        `[tracespec] toFollowSemanticConventions: unknown stability ${JSON.stringify(mode)}; use "stable", "dup" or "old" (as OTEL_SEMCONV_STABILITY_OPT_IN selects them).`,
      );
    }
  }
  return modes;
}
