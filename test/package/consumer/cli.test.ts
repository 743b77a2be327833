// The tracespec command that comes with the package.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';

test('tracespec show prints a saved OTLP JSON trace as a tree', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'consumer-')), 'trace.otlp.json');
  const span = (spanId: string, name: string, parentSpanId?: string) => ({
    traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
    name,
    kind: 2,
    startTimeUnixNano: '1700000000000000000',
    endTimeUnixNano: '1700000000005000000',
    status: {},
  });
  await writeFile(
    file,
    JSON.stringify({
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'orders' } }] },
          scopeSpans: [
            {
              scope: { name: 't' },
              spans: [span('00f067aa0ba902b7', 'POST /orders'), span('00f067aa0ba902b8', 'INSERT', '00f067aa0ba902b7')],
            },
          ],
        },
      ],
    }),
  );
  const { stdout } = await promisify(execFile)('npx', ['tracespec', 'show', file]);
  expect(stdout).toContain('POST /orders');
  expect(stdout).toMatch(/POST \/orders[\s\S]*\n\s+.*INSERT/);
});
