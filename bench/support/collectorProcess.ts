// A collector alone in its own process, for the memory row: the parent posts spans to it and asks for its memory
// (after garbage collection), so that what the bench itself holds does not count. Run with --expose-gc.
import { SpanStore } from '../../src/capture/SpanStore.ts';
import { startCollector } from '../../src/receive/startCollector.ts';

const gc = globalThis.gc;
if (typeof gc !== 'function' || typeof process.send !== 'function') {
  throw new Error('[bench] collectorProcess runs as a child with --expose-gc and an IPC channel');
}
const send = process.send.bind(process);
const store = new SpanStore();
const collector = await startCollector({ store, grpc: false, maxBodyBytes: 64 * 1024 * 1024 });

const memory = () => {
  gc();
  gc();
  const { rss, heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { rss, heapUsed, external, arrayBuffers, spans: store.size };
};

process.on('message', (message: { type: 'measure' | 'clear' | 'stop' }) => {
  if (message.type === 'clear') store.clear();
  if (message.type === 'stop') {
    void collector.stop().then(() => process.disconnect());
    return;
  }
  send({ type: 'memory', ...memory() });
});
send({ type: 'ready', endpoint: collector.endpoints.otlpHttp });
