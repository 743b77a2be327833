import type { RedactionRule } from './RedactionRule.ts';
import { secretRedactions } from './secrets/secretRedactions.ts';

/**
 * The rules applied to everything tracespec writes about a test (failure messages, the HTML report, the reporter's
 * files, the Markdown summary, `tracespec show`): the credentials of {@link secretDetectors} — attributes named like
 * secrets, Bearer/Basic values, JWTs, PEM private keys, API key shapes, card numbers, URL userinfo, secret query
 * parameters and quoted password assignments — each replaced by its kind and a short fingerprint
 * (`<redacted:jwt#3f2a>`). Unlike {@link defaultRedactions}, it keeps ids, ports, hosts and times, which a person
 * debugging a failure needs to see. Turn a rule off by filtering it out by name.
 *
 * @example
 * new TracespecReporter({ redact: [...reportRedactions, { name: 'email', value: /[\w.]+@[\w.]+/g, replacement: '<email>' }] });
 * new TracespecReporter({ redact: reportRedactions.filter((rule) => rule.name !== 'card-number') });
 */
export const reportRedactions: readonly RedactionRule[] = Object.freeze([...secretRedactions]);
