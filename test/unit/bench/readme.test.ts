import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { BenchResults, RowResult } from '../../../bench/Row.ts';
import { README_BEGIN, README_END, renderReadmeRegion, renderTable, updateReadme } from '../../../bench/readme.ts';
import { rows } from '../../../bench/rows.ts';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const run = JSON.parse(read('bench/results.json')) as BenchResults;

describe('the README Performance table', () => {
  test('is exactly what bench/results.json generates (run `npm run bench:readme` after editing either)', () => {
    const readme = read('README.md');
    const region = readme.slice(readme.indexOf(README_BEGIN), readme.indexOf(README_END) + README_END.length);
    expect(region).toBe(renderReadmeRegion(run));
  });

  test('comes from one full run: every row of the bench, in order, with the machine and date', () => {
    expect(run.results.map((r) => r.id)).toEqual(rows.flatMap((r) => r.ids));
    expect(run.machine.cores).toBeGreaterThan(0);
    expect(run.machine.node).toMatch(/^v\d+\./);
    expect(Number.isNaN(Date.parse(run.date))).toBe(false);
  });

  test('says why for every row short of its target', () => {
    const unexplained = run.results.filter((r) => r.met === false && !r.whyShort).map((r) => r.id);
    expect(unexplained).toEqual([]);
  });
});

describe('renderReadmeRegion', () => {
  const result = (over: Partial<RowResult>): RowResult => ({
    id: '1',
    what: 'a | b',
    anchor: 'anchor',
    ratio: 1.5,
    target: '<= 2x',
    met: true,
    figures: {},
    ...over,
  });
  const machine = { node: 'v24.0.0', cores: 2, cpu: 'CPU', memoryGiB: 4, platform: 'linux x64' };

  test('pads the table, escapes pipes, reads a lost ratio (NaN, null in JSON) as n/a and information as -', () => {
    const lost = { ...result({ id: '2', met: undefined, target: '(information)' }), ratio: null as unknown as number };
    expect(
      renderTable([result({}), lost, result({ id: '3', ratio: 4, unit: 'ms', met: false })]),
    ).toMatchInlineSnapshot(`
      "| #   | what   | anchor | ratio | target        | met |
      | --- | ------ | ------ | ----- | ------------- | --- |
      | 1   | a \\| b | anchor | 1.5x  | <= 2x         | yes |
      | 2   | a \\| b | anchor | n/a   | (information) | -   |
      | 3   | a \\| b | anchor | 4 ms  | <= 2x         | NO  |"
    `);
  });

  test('lists notes, and the reason of a row short of its target only when it is short', () => {
    const region = renderReadmeRegion({
      date: '2026-12-01T21:00:00.000Z',
      machine,
      results: [
        result({ note: 'information.', whyShort: 'not shown' }),
        result({ id: '2', met: false, whyShort: 'tried X.' }),
        result({ id: '3', met: false }),
      ],
    });
    expect(region).toContain('on 2026-12-01, on a machine with 2 cores (CPU, 4 GiB, linux x64)');
    expect(region).toContain('- **1** information.');
    expect(region).not.toContain('not shown');
    expect(region).toContain('- **2 is short of its target:** tried X.');
    expect(region).toContain('- **3 is short of its target:** no reason recorded.');
  });

  test('updateReadme replaces only the region, and names the markers when they are missing', () => {
    const run = { date: '2026-12-01T21:00:00.000Z', machine, results: [result({})] };
    const readme = `before\n${README_BEGIN}\nold\n${README_END}\nafter\n`;
    const updated = updateReadme(readme, run);
    expect(updated.startsWith('before\n')).toBe(true);
    expect(updated.endsWith(`${README_END}\nafter\n`)).toBe(true);
    expect(updated).not.toContain('old');
    expect(() => updateReadme('no markers', run)).toThrow(/\[bench\] README.md has no bench region/);
  });
});
