import type { Row } from './Row.ts';

/** A row of the bench as `npm run bench` runs it: its name, the ids it produces, and its code, loaded on demand. */
export interface RowEntry {
  readonly name: string;
  /** The ids the row produces (for the filter and for the line written when the row fails). */
  readonly ids: readonly string[];
  readonly load: () => Promise<Row>;
}

/** Every row of the bench, in the order of the table. */
export const rows: readonly RowEntry[] = [
  { name: 'recording', ids: ['1a', '1b'], load: async () => (await import('./rows/recording.ts')).recording },
  { name: 'memory', ids: ['2'], load: async () => (await import('./rows/memory.ts')).memory },
  { name: 'query', ids: ['3a'], load: async () => (await import('./rows/query.ts')).query },
  { name: 'tree build', ids: ['3b'], load: async () => (await import('./rows/treeBuild.ts')).treeBuild },
  { name: 'ingest', ids: ['4a', '4b', '4c'], load: async () => (await import('./rows/ingest.ts')).ingest },
  { name: 'jaeger', ids: ['9'], load: async () => (await import('./rows/jaeger.ts')).jaeger },
  { name: 'snapshot', ids: ['5'], load: async () => (await import('./rows/snapshot.ts')).snapshot },
  { name: 'waiting', ids: ['6'], load: async () => (await import('./rows/waiting.ts')).waiting },
  { name: 'containers', ids: ['7'], load: async () => (await import('./rows/containers.ts')).containers },
  { name: 'cold start', ids: ['7b'], load: async () => (await import('./rows/coldStart.ts')).coldStart },
  { name: 'html report', ids: ['8'], load: async () => (await import('./rows/htmlReport.ts')).htmlReport },
  {
    name: 'failures',
    ids: ['10a', '10b', '10c', '10d', '10e', '10f', '10g'],
    load: async () => (await import('./rows/failures.ts')).failures,
  },
  {
    name: 'collector memory',
    ids: ['11'],
    load: async () => (await import('./rows/collectorMemory.ts')).collectorMemory,
  },
  {
    name: 'suite overhead',
    ids: ['12a', '12b'],
    load: async () => (await import('./rows/suiteOverhead.ts')).suiteOverhead,
  },
];
