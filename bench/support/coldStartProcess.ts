// Row 7b's cold side, in a process of its own: run by a copy of the Node binary that no image was built from yet
// (see rows/coldStart.ts), so tracespec finds none of its images cached and builds the base and the three service
// images before it starts the example's services. Sends the time to started and the tags of the images it built.
import { exampleService, exampleSystem } from '../../examples/services/system.ts';
import { SpanStore } from '../../src/capture/SpanStore.ts';
import { defaultDockerEngine } from '../../src/containers/defaultDockerEngine.ts';
import { hostGatewayAddress } from '../../src/containers/hostGatewayAddress.ts';
import { nodeRuntimeImage } from '../../src/containers/image/nodeRuntimeImage.ts';
import { nodeServiceImage } from '../../src/containers/image/nodeServiceImage.ts';
import { startCollector } from '../../src/receive/startCollector.ts';

const collector = await startCollector({ host: await hostGatewayAddress(), grpc: false, store: new SpanStore() });
try {
  const started = performance.now();
  const system = await exampleSystem({ mode: 'container', exporter: collector }).start();
  const ms = performance.now() - started;
  await system.stop();
  const docker = await defaultDockerEngine();
  const services = await Promise.all(
    (['gateway', 'orders', 'inventory'] as const).map((name) => nodeServiceImage(exampleService(name), docker)),
  );
  const images = [await nodeRuntimeImage(docker), ...services.map((service) => service.image)];
  process.send?.({ ms, images });
} finally {
  await collector.stop();
}
