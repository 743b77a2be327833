import { type GenericContainer, Wait } from 'testcontainers';
import { describe, expectTypeOf, test } from 'vitest';
import type { ExporterTarget, StartedTracedService } from '../../src/containers/index.ts';
import {
  type ContainerCustomizer,
  otlpEndpoint,
  type StartedTracedEnvironment,
  TracedContainer,
  TracedEnvironment,
  TracedProcess,
} from '../../src/containers/index.ts';

describe('tracespec/containers types', () => {
  test('builder methods keep the concrete builder type', () => {
    expectTypeOf(new TracedContainer('img').withServiceName('a').withPort(1)).toEqualTypeOf<TracedContainer>();
    expectTypeOf(new TracedProcess('node').withLink('A_URL', 'a').withBatchDelay(1)).toEqualTypeOf<TracedProcess>();
  });

  test('the testcontainers plug-in points take a WaitStrategy and a GenericContainer customizer', () => {
    const container = new TracedContainer('img')
      .withWaitStrategy(Wait.forLogMessage(/ready/))
      .withContainerCustomizer((generic) => generic.withUser('node'));
    expectTypeOf(container).toEqualTypeOf<TracedContainer>();
    expectTypeOf<ContainerCustomizer>().parameters.toEqualTypeOf<[GenericContainer]>();
    expectTypeOf<ContainerCustomizer>().returns.toEqualTypeOf<GenericContainer>();
    // @ts-expect-error: a wait strategy, not a path
    new TracedContainer('img').withWaitStrategy('/health');
    // @ts-expect-error: the customizer must return the container
    new TracedContainer('img').withContainerCustomizer((generic) => void generic.withUser('node'));
    // @ts-expect-error: child processes have no testcontainers wait strategies
    new TracedProcess('node').withWaitStrategy(Wait.forLogMessage(/ready/));
  });

  test('start() gives an AsyncDisposable handle', () => {
    expectTypeOf(new TracedContainer('img').start()).resolves.toEqualTypeOf<StartedTracedService>();
    expectTypeOf<StartedTracedService>().toExtend<AsyncDisposable>();
    expectTypeOf(new TracedEnvironment().start()).resolves.toEqualTypeOf<StartedTracedEnvironment>();
    expectTypeOf<StartedTracedEnvironment>().toExtend<AsyncDisposable>();
  });

  test("anything shaped like the collector's env() is an exporter target", () => {
    const collectorLike = {
      env: (options: { serviceName: string; host?: string; protocol?: 'http/protobuf' | 'http/json' | 'grpc' }) => ({
        OTEL_SERVICE_NAME: options.serviceName,
      }),
      stop: async () => {},
    };
    expectTypeOf(collectorLike).toExtend<ExporterTarget>();
    expectTypeOf(otlpEndpoint).returns.toEqualTypeOf<ExporterTarget>();
  });
});
