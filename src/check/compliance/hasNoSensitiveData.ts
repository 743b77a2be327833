import { failureMarks } from '../../model/FailureMarks.ts';
import type { Span } from '../../model/Span.ts';
import { TraceSet } from '../../model/TraceSet.ts';
import { renderTraces } from '../../render/renderTraces.ts';
import { redactTraces } from '../../snapshot/redactTraces.ts';
import { reportRedactions } from '../../snapshot/reportRedactions.ts';
import type { CheckResult } from '../CheckResult.ts';
import { checkMessage } from '../checkMessage.ts';
import { findSensitiveData } from './findSensitiveData.ts';
import type { SensitiveDataOptions } from './SensitiveDataOptions.ts';
import type { SensitiveFinding } from './SensitiveFinding.ts';

const SHOWN = 20;

/**
 * Checks that no span holds a secret: names, status messages, and the attributes of spans, events (exception
 * messages and stack traces), links and resources, scanned by every credential detector of `secretDetectors`
 * (whatever the key), plus e-mail and IP addresses with `pii`, plus the caller's detectors. The message names each
 * finding's span (marked in its tree), field and detector with a masked excerpt; it never shows the secret.
 *
 * @example
 * hasNoSensitiveData(traceSet, { pii: true, allowKeys: ['enduser.id'] });
 */
export function hasNoSensitiveData(set: TraceSet, options: SensitiveDataOptions = {}): CheckResult {
  const findings = findSensitiveData(set, options);
  const pass = findings.length === 0;
  const spans = new Map<Span, number[]>();
  for (const [i, finding] of findings.entries()) spans.set(finding.span, [...(spans.get(finding.span) ?? []), i + 1]);
  const notes = () => new Map<Span, string>([...spans].map(([span, numbers]) => [span, `◀ ${numbers.join(', ')}`]));
  return {
    pass,
    marks: () => failureMarks(notes()),
    message: () => {
      const scope = `${set.spans.length} span${set.spans.length === 1 ? '' : 's'} of ${set.size} trace${set.size === 1 ? '' : 's'}`;
      if (pass) {
        return checkMessage({
          expected: 'sensitive data in the traces',
          received: `none found in ${scope} (names, attributes, events, links, resources)`,
        });
      }
      return checkMessage({
        expected: `no sensitive data in ${scope}`,
        received: `${findings.length} finding${findings.length === 1 ? '' : 's'} (secrets masked):`,
        details: [
          ...findings.slice(0, SHOWN).map((finding, i) => `  ${i + 1}. ${describeFinding(finding)}`),
          ...(findings.length > SHOWN ? [`  … and ${findings.length - SHOWN} more`] : []),
        ],
        blocks: [shownTree(set, findings, notes())],
      });
    },
  };
}

function describeFinding(finding: SensitiveFinding): string {
  const { span } = finding;
  return `${span.service} ${span.kind} ${JSON.stringify(finding.spanName)} ${finding.field}: ${finding.detector} in ${JSON.stringify(finding.excerpt)}`;
}

/**
 * The tree with the findings marked. Its names and status messages may hold the secrets: names are shown as the
 * findings masked them, and everything goes through the report's redaction; a span's status message with a
 * finding is left out.
 */
function shownTree(set: TraceSet, findings: readonly SensitiveFinding[], notes: ReadonlyMap<Span, string>): string {
  const names = new Map(findings.map((finding) => [finding.span, finding.spanName]));
  const leaky = new Set(
    findings.filter((finding) => finding.field === 'status.message').map((finding) => finding.span),
  );
  const masked = set.spans.map((span): Span => {
    const name = names.get(span) ?? span.name;
    if (!leaky.has(span) && name === span.name) return span;
    return { ...span, name, status: leaky.has(span) ? { code: span.status.code, message: '(masked)' } : span.status };
  });
  const shown = redactTraces(TraceSet.fromSpans(masked), reportRedactions);
  const byId = new Map([...notes].map(([span, note]) => [`${span.traceId}/${span.spanId}`, note]));
  const marks = new Map<Span, string>();
  for (const span of shown.spans) {
    const note = byId.get(`${span.traceId}/${span.spanId}`);
    if (note !== undefined) marks.set(span, note);
  }
  return renderTraces(shown, { marks });
}
