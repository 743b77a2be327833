import { jaegerRoute } from './jaeger/jaegerHttpRoute.ts';
import { otlpHttpRoute } from './otlp/otlpHttpRoute.ts';
import type { ReceiverRoute } from './ReceiverRoute.ts';
import { zipkinRoute } from './zipkin/zipkinRoute.ts';

/**
 * The formats the collector's HTTP port receives, one route each. A new format is a file exporting its
 * {@link ReceiverRoute} and one line here.
 */
export const receiverRoutes: readonly ReceiverRoute[] = [otlpHttpRoute, zipkinRoute, jaegerRoute];
