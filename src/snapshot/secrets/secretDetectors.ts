import { passesLuhn } from './passesLuhn.ts';
import type { SecretDetector } from './SecretDetector.ts';

// The words that make a key (an attribute, a header, gRPC metadata, a query parameter, a JSON field) a secret's.
// `token` is not followed by `s`/`_count`/`.type`: `gen_ai.usage.input_tokens` is a count, not a token.
const SECRET_WORDS =
  'password|passwd|secret|token(?!s|_count|\\.count|\\.type|_type)|api[_-]?key|apikey|private[_-]?key|credential|session';
const HEADER_NAMES = 'authorization|proxy-authorization|cookie|set-cookie|x-api-key';

/**
 * The secrets tracespec keeps out of snapshots, failure messages, the reporter's files, the CLI and the HTML report,
 * and that `toHaveNoSensitiveData` looks for; first to last (a PEM key is found before the base64 inside it looks
 * like anything else). The last two are personal data, looked for only when asked. Turn one off by filtering it
 * out by name (`defaultRedactions.filter((rule) => rule.name !== 'card-number')`).
 *
 * @example
 * secretDetectors.map((detector) => detector.name); // ['secret-key', 'pem-private-key', 'url-credentials', ...]
 */
export const secretDetectors: readonly SecretDetector[] = Object.freeze([
  {
    name: 'secret-key',
    finds: 'an attribute, header or metadata entry named like a credential',
    // Whole keys (`authorization`), inside http.request.header.*, http.response.header.*, rpc.*.metadata.*, and
    // any key containing one of the secret words (`db.password`, `app.session_id`).
    key: new RegExp(`(^|\\.)(${HEADER_NAMES})$|${SECRET_WORDS}`, 'i'),
  },
  {
    name: 'pem-private-key',
    finds: 'a PEM private key',
    // A key cut short by an attribute length limit has no END line: it runs to the end of the value.
    value: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----[\s\S]*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|$)/g,
  },
  {
    name: 'url-credentials',
    finds: 'credentials in the userinfo of a URL',
    value: /\b[a-z][a-z0-9+.-]*:\/\/(?<secret>[^\s/?#@]+)(?=@)/gi,
  },
  {
    name: 'bearer',
    finds: 'a Bearer token',
    value: /\bBearer\s+(?<secret>[\w.~+/-]+=*)/gi,
  },
  {
    name: 'basic',
    finds: 'Basic credentials',
    value: /\bBasic\s+(?<secret>[A-Za-z0-9+/]+=*)/g,
  },
  {
    name: 'jwt',
    finds: 'a JSON Web Token',
    value: /\beyJ[\w-]{2,}\.[\w-]{2,}\.[\w-]*/g,
  },
  {
    name: 'aws-access-key',
    finds: 'an AWS access key id',
    value: /\b(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}\b/g,
  },
  {
    name: 'stripe-key',
    finds: 'a Stripe live secret or restricted key',
    value: /\b[sr]k_live_[A-Za-z0-9]{10,}/g,
  },
  {
    name: 'github-token',
    finds: 'a GitHub token',
    value: /\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})/g,
  },
  {
    name: 'slack-token',
    finds: 'a Slack token',
    value: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g,
  },
  {
    name: 'google-api-key',
    finds: 'a Google API key',
    value: /\bAIza[\w-]{35}(?![\w-])/g,
  },
  {
    name: 'query-secret',
    finds: 'a query parameter named like a credential',
    value: new RegExp(
      `(?<![\\w.-])[\\w.-]*(?:${SECRET_WORDS}|${HEADER_NAMES}|sig|signature)[\\w.-]*=(?<secret>[^&#\\s"']+)`,
      'gi',
    ),
  },
  {
    name: 'assigned-secret',
    finds: 'a quoted value assigned to a name like a credential (SQL, JSON, key="value")',
    value: new RegExp(
      `(?:[\\w.-]*(?:${SECRET_WORDS}|${HEADER_NAMES})[\\w-]*["']?\\s*[:=]\\s*|\\b(?:password|identified\\s+by)\\s+)` +
        `(?<secret>'(?:[^']|'')*'|"(?:[^"\\\\]|\\\\.)*")`,
      'gi',
    ),
  },
  {
    name: 'card-number',
    finds: 'a payment card number (passes the Luhn check)',
    value: /(?<![\w.-])\d(?:[ -]?\d){12,18}(?![\w.-])/g,
    accept: passesLuhn,
  },
  {
    name: 'email',
    finds: 'an e-mail address',
    value: /\b[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b/gi,
    optIn: true,
  },
  {
    name: 'ip',
    finds: 'an IP address other than loopback or unspecified',
    value:
      /(?<![\w.:])(?!127\.|0\.0\.0\.0)(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\w.])|(?<![\w:])(?!::1?(?![\w:]))(?=[0-9a-f:]*::|(?:[0-9a-f]{1,4}:){7})(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi,
    optIn: true,
  },
]);
