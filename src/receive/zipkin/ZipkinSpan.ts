// Wire shape of one span in a Zipkin v2 JSON `POST /api/v2/spans` body (zipkin2-api.yaml). Times are microseconds.

export interface ZipkinEndpoint {
  readonly serviceName?: string;
  readonly ipv4?: string;
  readonly ipv6?: string;
  readonly port?: number;
}

export interface ZipkinAnnotation {
  readonly timestamp?: number;
  readonly value?: string;
}

export interface ZipkinSpan {
  readonly traceId?: string;
  readonly id?: string;
  readonly parentId?: string;
  readonly name?: string;
  readonly kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  readonly timestamp?: number;
  readonly duration?: number;
  readonly localEndpoint?: ZipkinEndpoint;
  readonly remoteEndpoint?: ZipkinEndpoint;
  readonly annotations?: readonly ZipkinAnnotation[];
  readonly tags?: Readonly<Record<string, string>>;
  readonly debug?: boolean;
  readonly shared?: boolean;
}
