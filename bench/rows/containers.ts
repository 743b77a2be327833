import { GenericContainer, Network, Wait } from 'testcontainers';
import { exampleService, exampleSystem } from '../../examples/services/system.ts';
import { SpanStore } from '../../src/capture/SpanStore.ts';
import { hostGatewayAddress } from '../../src/containers/hostGatewayAddress.ts';
import { nodeServiceImage } from '../../src/containers/image/nodeServiceImage.ts';
import { startCollector } from '../../src/receive/startCollector.ts';
import { median } from '../measure.ts';
import { type Row, round } from '../Row.ts';

const NAMES = ['gateway', 'orders', 'inventory'] as const;

/**
 * Row 7: starting the example's three traced services (network, aliases, exporter wiring, readiness) vs starting
 * the same three images bare with testcontainers on a network, images cached.
 */
export const containers: Row = async () => {
  const collector = await startCollector({ host: await hostGatewayAddress(), grpc: false, store: new SpanStore() });
  const images = await Promise.all(NAMES.map((name) => nodeServiceImage(exampleService(name))));
  const traced: number[] = [];
  const bare: number[] = [];
  try {
    for (let round = 0; round < 4; round++) {
      let started = performance.now();
      const system = await exampleSystem({ mode: 'container', exporter: collector }).start();
      if (round > 0) traced.push(performance.now() - started);
      await system.stop();

      started = performance.now();
      const network = await new Network().start();
      const running = await Promise.all(
        NAMES.map((name, i) =>
          new GenericContainer((images[i] as { image: string }).image)
            .withNetwork(network)
            .withNetworkAliases(name)
            .withEnvironment({ PORT: '3000', ORDERS_URL: 'http://orders:3000', INVENTORY_URL: 'http://inventory:3000' })
            .withExposedPorts(3000)
            .withWaitStrategy(Wait.forHttp('/health', 3000))
            .start(),
        ),
      );
      if (round > 0) bare.push(performance.now() - started);
      await Promise.all(running.map((container) => container.stop({ timeout: 0 })));
      await network.stop();
    }
  } finally {
    await collector.stop();
  }
  const ratio = median(traced) / median(bare);
  return [
    {
      id: '7',
      what: 'start the 3 example services in containers (time)',
      anchor: 'the same 3 images started bare with testcontainers',
      ratio: round(ratio),
      target: '<= 1.2x',
      met: ratio <= 1.2,
      whyShort:
        'the traced environment starts the services in waves, each after the services it links to (inventory, ' +
        'then orders, then gateway: three container starts one after another), where the bare anchor starts all ' +
        'three at once; that this is what makes up the gap is inferred, not profiled. The waves cost more the ' +
        'slower each start is, as on a loaded machine.',
      figures: {
        'traced environment ms': Math.round(median(traced)),
        'bare testcontainers ms': Math.round(median(bare)),
        'spread traced ms': `${Math.round(Math.min(...traced))}..${Math.round(Math.max(...traced))}`,
        'spread bare ms': `${Math.round(Math.min(...bare))}..${Math.round(Math.max(...bare))}`,
      },
    },
  ];
};
