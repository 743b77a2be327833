import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { mutantPlugin } from './mutantPlugin.ts';
import { OrderedSequencer } from './orderedSequencer.ts';

// The unit project of ../../vitest.config.ts, with one source file served mutated (see mutantPlugin.ts).
const root = fileURLToPath(new URL('../../', import.meta.url));
const src = (path: string) => `${root}src/${path}`;

export default defineConfig({
  root,
  plugins: [mutantPlugin()],
  resolve: {
    alias: [
      { find: /^tracespec$/, replacement: src('index.ts') },
      { find: /^tracespec\/(.+)$/, replacement: src('$1/index.ts') },
    ],
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    setupFiles: ['test/support/setup-unit.ts'],
    // A cached transform of the mutated file would hide the mutant (or leak it into the next run).
    fsModuleCache: false,
    sequence: { sequencer: OrderedSequencer },
  },
});
