// Public entry `tracespec/containers`: traced services in Docker containers or child processes.

// Where their spans go, and how a container reaches the host.
export type { OtlpProtocol } from '../model/OtlpProtocol.ts';
// What the recording taps between services saw (`environment.hops()`).
export type { WireRecord } from '../model/WireRecord.ts';
// Cleanup of what a killed run left behind.
export { killOrphanedProcesses } from './cleanup/processRegistry.ts';
export { removeCachedImages } from './cleanup/removeCachedImages.ts';
export { type LeftoversRemoved, type RemoveLeftoversOptions, removeLeftovers } from './cleanup/removeLeftovers.ts';
// The Docker engine, behind a narrow interface (tests give a fake).
export type { DockerEngine, EngineResource, ImageBuildRequest } from './DockerEngine.ts';
export { defaultDockerEngine } from './defaultDockerEngine.ts';
export type { ExporterEnvOptions, ExporterTarget } from './ExporterTarget.ts';
export { HOST_FROM_CONTAINER, hostGatewayAddress } from './hostGatewayAddress.ts';
// Images, built locally (no registry needed).
export { dockerfileImage } from './image/dockerfileImage.ts';
export type { NodeService } from './image/NodeService.ts';
export { type NodeServiceImage, nodeServiceImage } from './image/nodeServiceImage.ts';
export { otlpEndpoint } from './otlpEndpoint.ts';
export type { ServiceSettings } from './ServiceSettings.ts';
// Services and environments.
export { StartedTracedContainer } from './StartedTracedContainer.ts';
export { StartedTracedEnvironment } from './StartedTracedEnvironment.ts';
export { StartedTracedProcess } from './StartedTracedProcess.ts';
export type { StartedTracedService } from './StartedTracedService.ts';
export { type ContainerCustomizer, TracedContainer } from './TracedContainer.ts';
export { TracedEnvironment } from './TracedEnvironment.ts';
export { TracedProcess } from './TracedProcess.ts';
export { type LaunchContext, TracedServiceBuilder } from './TracedServiceBuilder.ts';
