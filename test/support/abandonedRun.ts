// A test run that dies without cleaning up: starts the example system, reports, then waits to be SIGKILLed.
// Run as: node --conditions=source test/support/abandonedRun.ts container|process
import { exampleSystem } from '../../examples/services/system.ts';
import { otlpEndpoint, StartedTracedProcess } from '../../src/containers/index.ts';

const mode = process.argv[2] === 'process' ? 'process' : 'container';
// Port 9 (discard) on loopback: nothing listens, exports fail quietly and stay on this machine.
const system = await exampleSystem({ mode, exporter: otlpEndpoint('http://127.0.0.1:9') }).start();
const pids = system.services.flatMap((service) => (service instanceof StartedTracedProcess ? [service.pid] : []));
console.log(`ready ${JSON.stringify(pids)}`);
setInterval(() => {}, 60_000);
