import { TraceSet } from 'tracespec';
import { describe, expect, test } from 'vitest';
import { toPageData } from '../../../../src/render/html/toPageData.ts';
import { axisTicks } from '../../../../src/render/html/view/axisTicks.ts';
import { formatMs } from '../../../../src/render/html/view/formatMs.ts';
import { navigate, nextOf } from '../../../../src/render/html/view/navigate.ts';
import { SpanTree } from '../../../../src/render/html/view/SpanTree.ts';
import { knownPage } from '../../../support/knownTrace.ts';

const page = knownPage();
const data = toPageData('t', '', page.traces, [], false);
const tree = new SpanTree(data);
const none = new Set<number>();

describe('the waterfall rows', () => {
  test('every trace header and span, and subtrees end where their depth does (also at a trace boundary)', () => {
    expect(tree.rows(none)).toEqual([-1, ...Array.from({ length: 11 }, (_, i) => i), -2, 11, 12]);
    expect([...tree.subtreeEnd]).toEqual([11, 11, 7, 7, 5, 6, 7, 10, 10, 10, 11, 13, 13]);
  });

  test('collapsing a span hides its subtree; collapsing a trace hides its spans', () => {
    expect(tree.rows(new Set([3]))).toEqual([-1, 0, 1, 2, 3, 7, 8, 9, 10, -2, 11, 12]);
    expect(tree.rows(new Set([1, 3]))).toEqual([-1, 0, 1, -2, 11, 12]);
    expect(tree.rows(none, new Set([0]))).toEqual([-1, -2, 11, 12]);
    expect(tree.ancestors(9)).toEqual([8, 7, 1, 0]);
  });
});

describe('keyboard navigation (the tree pattern)', () => {
  const rows = tree.rows(none);
  const press = (current: number, key: string, collapsed = none) =>
    navigate(tree, rows, current, key, collapsed, none, 5);

  test('up, down, home, end, page up and down move within the rows', () => {
    expect(press(0, 'ArrowDown')).toEqual({ select: 1 });
    expect(press(0, 'ArrowUp')).toEqual({ select: -1 });
    expect(press(-1, 'ArrowUp')).toEqual({ select: -1 });
    expect(press(3, 'Home')).toEqual({ select: -1 });
    expect(press(3, 'End')).toEqual({ select: 12 });
    expect(press(3, 'PageDown')).toEqual({ select: 8 });
    expect(press(12, 'PageDown')).toEqual({ select: 12 });
  });

  test('right expands, then goes to the first child; left collapses, then goes to the parent or the trace', () => {
    expect(press(3, 'ArrowRight', new Set([3]))).toEqual({ toggle: 3 });
    expect(press(3, 'ArrowRight')).toEqual({ select: 4 });
    expect(press(4, 'ArrowRight')).toEqual({});
    expect(press(3, 'ArrowLeft')).toEqual({ toggle: 3 });
    expect(press(3, 'ArrowLeft', new Set([3]))).toEqual({ select: 2 });
    expect(press(0, 'ArrowLeft', new Set([0]))).toEqual({ select: -1 });
    expect(press(-2, 'ArrowRight')).toEqual({ select: 11 });
    expect(press(-2, 'ArrowLeft')).toEqual({ toggle: -2 });
    expect(press(3, 'Enter')).toEqual({ toggle: 3 });
    expect(press(4, ' ')).toEqual({});
    expect(press(4, 'x')).toEqual({});
  });

  test('next and previous of a sorted list wrap around', () => {
    expect(nextOf([3, 8, 20], 8, 1)).toBe(20);
    expect(nextOf([3, 8, 20], 20, 1)).toBe(3);
    expect(nextOf([3, 8, 20], 8, -1)).toBe(3);
    expect(nextOf([3, 8, 20], 3, -1)).toBe(20);
    expect(nextOf([3, 8, 20], -1, 1)).toBe(3);
    expect(nextOf([], 0, 1)).toBeUndefined();
  });
});

describe('time axis and durations', () => {
  test('round ticks over the axis', () => {
    expect(axisTicks(140, 6).map((tick) => tick.label)).toEqual(['0ms', '50ms', '100ms']);
    expect(axisTicks(45, 4).map((tick) => tick.label)).toEqual(['0ms', '20ms', '40ms']);
    expect(axisTicks(45, 5).map((tick) => [tick.at, tick.label])).toEqual([
      [0, '0ms'],
      [10 / 45, '10ms'],
      [20 / 45, '20ms'],
      [30 / 45, '30ms'],
      [40 / 45, '40ms'],
    ]);
    expect(axisTicks(0)).toEqual([{ at: 0, label: '0ms' }]);
    expect(axisTicks(2500, 5).map((tick) => tick.label)).toEqual(['0ms', '500ms', '1s', '1.5s', '2s', '2.5s']);
  });

  test('durations read like the text tree', () => {
    expect([0.85, 12.34, 134, 1250, 125_000, -3, Number.NaN].map(formatMs)).toEqual([
      '850us',
      '12.3ms',
      '134ms',
      '1.25s',
      '2m 5s',
      '-3ms',
      '?',
    ]);
  });

  test('an empty page has no rows but its trace headers', () => {
    expect(new SpanTree(toPageData('t', '', TraceSet.fromSpans([]), [], false)).rows(none)).toEqual([]);
  });
});
