// Public entry of tracespec/containers: traced services in Docker containers or child processes.

export type { WireRecord } from '../model/WireRecord.ts';
export type { DockerEngine, EngineResource, ImageBuildRequest } from './DockerEngine.ts';
export { defaultDockerEngine } from './defaultDockerEngine.ts';
export { dockerfileImage } from './dockerfileImage.ts';
export type { ExporterEnvOptions, ExporterTarget, OtlpProtocol } from './ExporterTarget.ts';
export { HOST_FROM_CONTAINER, hostGatewayAddress } from './hostGatewayAddress.ts';
export type { NodeService } from './NodeService.ts';
export type { NodeServiceImage } from './nodeServiceImage.ts';
export { nodeServiceImage } from './nodeServiceImage.ts';
export { otlpEndpoint } from './otlpEndpoint.ts';
export { killOrphanedProcesses } from './processRegistry.ts';
export { removeCachedImages } from './removeCachedImages.ts';
export type { LeftoversRemoved, RemoveLeftoversOptions } from './removeLeftovers.ts';
export { removeLeftovers } from './removeLeftovers.ts';
export type { ServiceSettings } from './ServiceSettings.ts';
export { StartedTracedContainer } from './StartedTracedContainer.ts';
export { StartedTracedEnvironment } from './StartedTracedEnvironment.ts';
export { StartedTracedProcess } from './StartedTracedProcess.ts';
export type { StartedTracedService } from './StartedTracedService.ts';
export { TracedContainer } from './TracedContainer.ts';
export { TracedEnvironment } from './TracedEnvironment.ts';
export { TracedProcess } from './TracedProcess.ts';
export type { LaunchContext } from './TracedServiceBuilder.ts';
export { TracedServiceBuilder } from './TracedServiceBuilder.ts';
