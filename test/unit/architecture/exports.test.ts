// The public surface, pinned: every name each entry point exports. Adding or removing one is a decision about the
// API; make it here, in the open, and keep README.md and docs/ in step.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, test } from 'vitest';
import packageJson from '../../../package.json' with { type: 'json' };
import { SRC } from '../../support/sourceGraph.ts';

interface Surface {
  readonly values: readonly string[];
  readonly types: readonly string[];
}

const PINNED: Readonly<Record<string, Surface>> = {
  '.': {
    values: [
      // Recording spans in the test process.
      'installTracing',
      'installedTracing',
      'SpanRecorder',
      'SpanStore',
      // Spans and traces; where the time went.
      'childGaps',
      'criticalPath',
      'formatDuration',
      'fromReadableSpan',
      'selfTime',
      'Trace',
      'TraceSet',
      // Selectors.
      'find',
      'findOne',
      'matchesSelector',
      'messagingRules',
      'parseSelector',
      'printSelector',
      'SelectorSyntaxError',
      // Shapes and clock tolerances.
      'DEFAULT_CLOCK_RESOLUTION',
      'DEFAULT_CLOCK_SKEW',
      'deep',
      'span',
      // Checks.
      'brokenHops',
      'dbRules',
      'deprecatedRules',
      'diagnoseLostContext',
      'findSensitiveData',
      'hasAttributes',
      'hasCriticalPath',
      'hasDuration',
      'hasEvent',
      'hasNoErrors',
      'hasNoRepeatedSpans',
      'hasNoSensitiveData',
      'hasParent',
      'hasPropagation',
      'hasSemanticConventions',
      'hasServiceGraph',
      'hasSpan',
      'hasSpansWithinParents',
      'hasSpanTree',
      'hasStatus',
      'httpRules',
      'isConnected',
      'isOrdered',
      'isParallel',
      'isRoot',
      'isSequential',
      'isWellInstrumented',
      'isWithinParent',
      'rpcRules',
      // Printing traces; snapshots.
      'defaultRedactions',
      'normalizeTraces',
      'renderSnapshot',
      'renderTraces',
      'renderTree',
      'renderWaterfall',
      'secretDetectors',
      'stabilityFromEnv',
    ],
    types: [
      'AsymmetricMatcherLike',
      'AttributeMatcher',
      'Attributes',
      'AttributeValue',
      'BrokenHop',
      'Certainty',
      'CheckResult',
      'ConnectedOptions',
      'ConventionRule',
      'ConventionSignal',
      'CountOptions',
      'CriticalPath',
      'CriticalPathModelOptions',
      'CriticalPathOptions',
      'CriticalSegment',
      'DurationBounds',
      'DurationInput',
      'EdgeExpectation',
      'EventExpectation',
      'FailureMarks',
      'Gap',
      'HopMark',
      'InstrumentationLike',
      'InstrumentationScope',
      'KeyPattern',
      'LostContextCause',
      'LostContextDiagnosis',
      'OrderRelation',
      'PiiDetector',
      'PropagationEvidence',
      'PropagationHop',
      'QualityOptions',
      'QualityRule',
      'ReadableSpanLike',
      'RedactionRule',
      'RenderTreeOptions',
      'RenderWaterfallOptions',
      'RepeatedSpansOptions',
      'SdkTracerProvider',
      'SecretDetector',
      'SecretFinder',
      'SelectorLike',
      'SemanticConventionOptions',
      'SensitiveDataOptions',
      'SensitiveFinding',
      'SequenceOptions',
      'ServiceEdge',
      'ServiceGraph',
      'ServiceGraphOptions',
      'ShapeNode',
      'SkewOptions',
      'SnapshotOptions',
      'Span',
      'SpanEvent',
      'SpanExpectation',
      'SpanKind',
      'SpanLink',
      'SpanMark',
      'SpanProcessorLike',
      'SpanRef',
      'SpanRole',
      'SpanShape',
      'SpanSource',
      'SpanStatus',
      'StabilityMode',
      'StatusCode',
      'StatusExpectation',
      'StoreListener',
      'TestTraces',
      'TextMatcher',
      'TraceSnapshot',
      'TracesLike',
      'Tracing',
      'TracingOptions',
      'TreeShapeOptions',
      'WireRecord',
      'WithinParentsOptions',
    ],
  },
  './vitest': {
    values: [
      'configureTraceSnapshots',
      'deep',
      'defaultRedactions',
      'inTrace',
      'it',
      'setupTracing',
      'snapshotOf',
      'span',
      'test',
      'traces',
      'traceSnapshotSerializer',
      'tracespecMatchers',
      'useRecorder',
    ],
    types: [
      'InTrace',
      'KeyPattern',
      'OpenSpansPolicy',
      'RedactionRule',
      'SetupTracingOptions',
      'ShapeNode',
      'SnapshotOptions',
      'SpanShape',
      'TracesArtifact',
      'TracespecFixtures',
      'TracespecMatchers',
    ],
  },
  './otlp': {
    values: [
      'decodeJaegerBatch',
      'decodeJaegerEmitBatch',
      'decodeOtlpJson',
      'decodeOtlpProtobuf',
      'decodeZipkinJson',
      'JAEGER_TRACE_ID_ATTRIBUTE',
      'MalformedInputError',
      'startCollector',
      'toOtlpJson',
      'waitFor',
      'waitForTrace',
      'WaitTimeoutError',
      'ZIPKIN_TRACE_ID_ATTRIBUTE',
    ],
    types: [
      'Collector',
      'CollectorEndpoints',
      'CollectorEnvOptions',
      'CollectorOptions',
      'DecodedSpans',
      'JaegerAgentEndpoint',
      'JaegerAgentStats',
      'JaegerSender',
      'OtlpAnyValue',
      'OtlpEvent',
      'OtlpKeyValue',
      'OtlpLink',
      'OtlpProtocol',
      'OtlpResourceSpans',
      'OtlpScopeSpans',
      'OtlpSpan',
      'OtlpTracesData',
      'ThriftProtocolName',
      'TracePattern',
      'TracePredicate',
      'TraceSelector',
      'WaitEndReason',
      'WaitForOptions',
      'WaitForTraceOptions',
    ],
  },
  './msw': {
    values: [
      'findSenderSpan',
      'hasBaggage',
      'hasPropagatedTo',
      'hasSentRequest',
      'hasTraceContext',
      'OutboundRecorder',
      'recordOutbound',
    ],
    types: [
      'BaggageExpectation',
      'BaggageOptions',
      'MswServerLike',
      'OutboundRequest',
      'OutboundSubject',
      'PropagateToOptions',
      'PropagationFormat',
      'RequestStartEvent',
      'SentRequestOptions',
      'SpanIds',
      'TraceContextExpectation',
      'UrlMatcher',
    ],
  },
  './propagation': {
    values: [
      'BAGGAGE_LIMITS',
      'FORMAT_HEADERS',
      'formatB3Multi',
      'formatB3Single',
      'formatBaggage',
      'formatJaeger',
      'formatJaegerBaggage',
      'formatTraceparent',
      'formatTracestate',
      'JaegerPropagator',
      'parseB3Multi',
      'parseB3Single',
      'parseBaggage',
      'parseJaeger',
      'parseJaegerBaggage',
      'parseTraceparent',
      'parseTracestate',
      'PROPAGATION_FORMATS',
      'propagationHeaderKind',
      'readCarriedContext',
      'readCarriedIds',
      'TRACESTATE_MAX_MEMBERS',
    ],
    types: [
      'B3Context',
      'B3MultiHeaders',
      'B3Sampling',
      'Baggage',
      'BaggageEntry',
      'BaggageProperty',
      'CarriedContext',
      'CarriedIds',
      'InvalidHeader',
      'JaegerContext',
      'ParseResult',
      'PropagationFormat',
      'TraceParent',
      'TraceState',
      'TraceStateMember',
      'ValidHeader',
    ],
  },
  './reporter': {
    values: [
      'buildIndexPage',
      'buildTracePage',
      'renderMarkdownSummary',
      'reportRedactions',
      'TracespecReporter',
      'writeTraceFiles',
      'writeTracePage',
    ],
    types: [
      'FailedTest',
      'FailureInput',
      'IndexEntry',
      'PageOptions',
      'ReportSettings',
      'SavedTraces',
      'SummaryEntry',
      'TraceFiles',
      'TracePageInput',
      'TracesArtifact',
      'TracespecReporterOptions',
    ],
  },
  './containers': {
    values: [
      'defaultDockerEngine',
      'dockerfileImage',
      'HOST_FROM_CONTAINER',
      'hostGatewayAddress',
      'killOrphanedProcesses',
      'nodeServiceImage',
      'otlpEndpoint',
      'removeCachedImages',
      'removeLeftovers',
      'StartedTracedContainer',
      'StartedTracedEnvironment',
      'StartedTracedProcess',
      'TracedContainer',
      'TracedEnvironment',
      'TracedProcess',
      'TracedServiceBuilder',
    ],
    types: [
      'ContainerCustomizer',
      'DockerEngine',
      'EngineResource',
      'ExporterEnvOptions',
      'ExporterTarget',
      'ImageBuildRequest',
      'LaunchContext',
      'LeftoversRemoved',
      'NodeService',
      'NodeServiceImage',
      'OtlpProtocol',
      'RemoveLeftoversOptions',
      'ServiceSettings',
      'StartedTracedService',
      'WireRecord',
    ],
  },
  './service': {
    values: ['readServiceConfig', 'serviceTracing'],
    types: [
      'OtlpProtocol',
      'ServiceConfig',
      'ServiceConfigReading',
      'ServiceExporter',
      'ServiceInstrumentation',
      'ServicePropagator',
      'ServiceTracing',
    ],
  },
};

/** The names an entry's source exports, values and types apart, read with TypeScript's parser. */
function surfaceOf(source: string): Surface {
  const file = ts.createSourceFile(source, readFileSync(source, 'utf8'), ts.ScriptTarget.Latest, true);
  const values: string[] = [];
  const types: string[] = [];
  for (const statement of file.statements) {
    if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      for (const element of statement.exportClause.elements) {
        (statement.isTypeOnly || element.isTypeOnly ? types : values).push(element.name.text);
      }
      continue;
    }
    const exported = ts.canHaveModifiers(statement)
      ? ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)
      : false;
    if (!exported) continue;
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) values.push(declaration.name.getText());
    } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
      values.push(statement.name?.text ?? 'default');
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      types.push(statement.name.text);
    }
  }
  return { values: sorted(values), types: sorted(types) };
}

const sorted = (names: readonly string[]) => [...names].sort((a, b) => a.localeCompare(b, 'en'));
const entries = Object.entries(packageJson.exports).flatMap(([key, entry]) =>
  typeof entry === 'object' ? [{ key, source: join(SRC, '..', entry.source) }] : [],
);

describe('the public surface of every entry point', () => {
  test('every entry point of package.json is pinned here, and nothing else', () => {
    expect(entries.map((entry) => entry.key).sort()).toEqual(Object.keys(PINNED).sort());
  });

  test.each(entries)('$key exports exactly the pinned names', ({ key, source }) => {
    const pinned = PINNED[key] as Surface;
    expect(surfaceOf(source)).toEqual({ values: sorted(pinned.values), types: sorted(pinned.types) });
  });

  // tracespec/service starts tracing when imported, so its runtime exports are read from the source only.
  test.each(entries.filter((entry) => entry.key !== './service'))(
    '$key: at runtime, exactly the pinned values',
    async ({ key }) => {
      const module = (await import(key === '.' ? 'tracespec' : `tracespec/${key.slice(2)}`)) as Record<string, unknown>;
      expect(sorted(Object.keys(module))).toEqual(sorted((PINNED[key] as Surface).values));
    },
  );

  test('no name means two things: a name exported by several entries is one declaration', () => {
    const homes = new Map<string, Set<string>>();
    for (const { source } of entries) {
      const text = readFileSync(source, 'utf8');
      for (const match of text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'([^']+)'/g)) {
        for (const raw of (match[1] ?? '').split(',')) {
          const name = raw.replace(/^\s*type\s+/, '').trim();
          if (!name) continue;
          const home = join(source, '..', match[2] ?? '');
          homes.set(name, (homes.get(name) ?? new Set()).add(home));
        }
      }
    }
    const ambiguous = [...homes].filter(([, files]) => files.size > 1).map(([name]) => name);
    expect(ambiguous).toEqual([]);
  });
});

/** Public names whose declaration has no JSDoc `@example` (aliases followed to the declaration). */
function withoutExample(sources: readonly string[]): string[] {
  const program = ts.createProgram([...sources], {
    allowImportingTsExtensions: true,
    noEmit: true,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2023,
    skipLibCheck: true,
    noResolve: false,
  });
  const checker = program.getTypeChecker();
  const hasExample = (node: ts.Node) => ts.getJSDocTags(node).some((tag) => tag.tagName.text === 'example');
  return sources.flatMap((source) => {
    const file = program.getSourceFile(source);
    const module = file && checker.getSymbolAtLocation(file);
    if (!module) return [`${source}: not found`];
    return checker
      .getExportsOfModule(module)
      .filter((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        return !(target.getDeclarations() ?? []).some(
          (declaration) =>
            hasExample(declaration) || (ts.isVariableDeclaration(declaration) && hasExample(declaration.parent.parent)),
        );
      })
      .map((symbol) => `${source.slice(SRC.length - 3)}: ${symbol.name}`);
  });
}

describe('documentation of the public surface', () => {
  test('every exported name has a JSDoc with an @example', () => {
    expect(withoutExample(entries.map((entry) => entry.source))).toEqual([]);
  }, 60_000);
});
