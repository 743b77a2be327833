const REGISTRY_TROUBLE = /registry|pull|no such host|dial tcp|manifest unknown|i\/o timeout|TLS handshake/i;

/**
 * What to add to a failed container start that an image pull broke, when that pull may be the one of
 * testcontainers' Ryuk container (`testcontainers/ryuk`), which testcontainers starts before the first container
 * of a run unless `TESTCONTAINERS_RYUK_DISABLED=true`. Certain when the message names Ryuk; otherwise inferred,
 * and said so. Nothing when Ryuk is disabled or the failure was no pull.
 *
 * @example
 * ryukHint('(HTTP code 500) Get "https://registry-1.docker.io/v2/": no such host', process.env); // 'Inferred: ...'
 */
export function ryukHint(message: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.TESTCONTAINERS_RYUK_DISABLED === 'true' || env.TESTCONTAINERS_RYUK_DISABLED === '1') return undefined;
  const advice =
    'set TESTCONTAINERS_RYUK_DISABLED=true where no image registry can be reached (tracespec removes its own ' +
    'containers and networks by label, so nothing is left without Ryuk).';
  if (/ryuk/i.test(message)) return `The Ryuk image of testcontainers could not be pulled: ${advice}`;
  if (!REGISTRY_TROUBLE.test(message)) return undefined;
  return (
    'Inferred: an image pull failed, and with TESTCONTAINERS_RYUK_DISABLED unset testcontainers first pulls its ' +
    `Ryuk image (testcontainers/ryuk). If your service's image is local, ${advice}`
  );
}
