import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import http2, {
  type ClientHttp2Session,
  type IncomingHttpHeaders as Http2Headers,
  type ServerHttp2Stream,
} from 'node:http2';
import { type AddressInfo, createServer, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { addReceiverPort, removeReceiverPort } from '../../capture/ownTraffic.ts';
import type { WireRecord } from '../../model/WireRecord.ts';
import { untraced } from '../untraced.ts';
import { forwardedRawHeaders, forwardedRequestHeaders, propagationHeaders } from './forwardedHeaders.ts';
import { nowUnixNano } from './wireClock.ts';

/** Options of {@link startTap}. */
export interface TapOptions {
  /** The calling service, whose link points at the tap. */
  readonly from: string;
  /** The called service. */
  readonly to: string;
  /** Address to listen on: where the caller reaches it (127.0.0.1, or the Docker bridge gateway for containers). */
  readonly host: string;
  /** Receives each record when its exchange is over. */
  readonly onRecord: (record: WireRecord) => void;
  /** The formats the callee reads, when its configuration says (copied into every record). */
  readonly calleeReads?: WireRecord['calleeReads'];
}

/**
 * A running recording tap: a small proxy on one link between two services. It forwards every request unchanged
 * (HTTP/1.1, and HTTP/2 cleartext with prior knowledge, bodies streamed through, trailers kept) and records what
 * crossed: method, path, status, timing and every propagation header.
 *
 * @example
 * const tap = await startTap({ from: 'orders', to: 'inventory', host: '127.0.0.1', onRecord: (r) => store.addWire(r) });
 * tap.forwardTo(new URL('http://127.0.0.1:41234'));
 * // orders gets INVENTORY_URL=tap.url
 */
export interface Tap {
  /** `http://host:port`: the URL the caller is given instead of the callee's. */
  readonly url: string;
  readonly port: number;
  /** Where requests go from now on: the callee's address as the test process reaches it. */
  forwardTo(upstream: URL): void;
  /** Every exchange seen so far, in arrival order. */
  readonly records: readonly WireRecord[];
  close(): Promise<void>;
}

let nextRecordId = 1;
const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n');

/**
 * Starts a recording tap on a free port. Its own traffic is tracespec's plumbing: forwarded requests are sent with
 * tracing suppressed (no span, and no instrumentation rewrites the caller's headers), and the SERVER spans the
 * test process's http instrumentation records for requests to the tap are left out like the collector's.
 */
export async function startTap(options: TapOptions): Promise<Tap> {
  const records: WireRecord[] = [];
  let upstream: URL | undefined;
  let session: ClientHttp2Session | undefined;
  // Connections to the callee are reused, but closed after 2 s idle: a server closes an idle one after its keep-alive
  // timeout (5 s for Node, Express and uvicorn by default), and a request sent on it just then fails with ECONNRESET.
  // (Node's agent follows a shorter Keep-Alive hint of the server only when a timeout is set.)
  const agent = new http.Agent({ keepAlive: true, timeout: 2_000 });

  const record = (exchange: Omit<WireRecord, 'id' | 'from' | 'to' | 'endUnixNano'>) => {
    const complete: WireRecord = {
      id: nextRecordId++,
      from: options.from,
      to: options.to,
      ...exchange,
      endUnixNano: nowUnixNano(),
      ...(options.calleeReads ? { calleeReads: options.calleeReads } : {}),
    };
    records.push(complete);
    options.onRecord(complete);
  };
  const notStarted = () =>
    `[tracespec] tap ${options.from} -> ${options.to}: ${options.to} has no address yet (it is not started).`;

  const http1 = http.createServer((request: IncomingMessage, response: ServerResponse) => {
    const start = nowUnixNano();
    const exchange = {
      protocol: 'http/1.1' as const,
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      startUnixNano: start,
      headers: propagationHeaders(request.headers),
    };
    let status: number | undefined;
    let error: string | undefined;
    response.once('close', () =>
      record({ ...exchange, ...(status === undefined ? {} : { status }), ...(error ? { error } : {}) }),
    );
    if (upstream === undefined) {
      error = notStarted();
      status = 503;
      response.writeHead(503, { 'content-type': 'text/plain' }).end(error);
      return;
    }
    const target = upstream;
    untraced(() => {
      const forward = http.request(
        {
          protocol: target.protocol,
          hostname: target.hostname,
          port: target.port,
          method: request.method,
          path: request.url,
          headers: forwardedRequestHeaders(request.headers),
          agent,
        },
        (answer) => {
          status = answer.statusCode;
          response.writeHead(answer.statusCode ?? 502, answer.statusMessage, forwardedRawHeaders(answer.rawHeaders));
          answer.pipe(response);
        },
      );
      forward.on('error', (failure) => {
        error = `${options.to} did not answer: ${failure.message}`;
        if (response.headersSent) response.destroy(failure);
        else {
          status = 502;
          response.writeHead(502, { 'content-type': 'text/plain' }).end(`[tracespec] tap ${options.from} -> ${error}`);
        }
      });
      request.pipe(forward);
    });
  });
  // Idle connections from the caller are left for it to close (close() closes them all): see the collector.
  http1.keepAliveTimeout = 0;

  const h2 = http2.createServer();
  h2.on('stream', (stream: ServerHttp2Stream, headers: Http2Headers) => {
    const exchange = {
      protocol: 'h2' as const,
      method: String(headers[':method'] ?? 'GET'),
      path: String(headers[':path'] ?? '/'),
      startUnixNano: nowUnixNano(),
      headers: propagationHeaders(headers),
    };
    let status: number | undefined;
    let error: string | undefined;
    stream.once('close', () =>
      record({ ...exchange, ...(status === undefined ? {} : { status }), ...(error ? { error } : {}) }),
    );
    if (upstream === undefined) {
      error = notStarted();
      status = 503;
      stream.respond({ ':status': 503 });
      stream.end(error);
      return;
    }
    const target = upstream;
    untraced(() => {
      if (session === undefined || session.closed || session.destroyed) {
        session = http2.connect(target.origin);
        session.on('error', () => {});
      }
      const forward = session.request(forwardedRequestHeaders(headers as never), { endStream: false });
      let trailers: Http2Headers = {};
      forward.on('response', (answer) => {
        status = Number(answer[':status']);
        stream.respond(forwardedRequestHeaders(answer as never), { waitForTrailers: true });
        forward.pipe(stream);
      });
      forward.on('trailers', (received) => {
        trailers = received;
      });
      stream.on('wantTrailers', () => stream.sendTrailers(forwardedRequestHeaders(trailers as never)));
      forward.on('error', (failure) => {
        error = `${options.to} did not answer: ${failure.message}`;
        if (stream.headersSent) stream.close(http2.constants.NGHTTP2_INTERNAL_ERROR);
        else {
          status = 502;
          stream.respond({ ':status': 502 });
          stream.end(`[tracespec] tap ${options.from} -> ${error}`);
        }
      });
      stream.pipe(forward);
    });
  });

  // One port for both: an HTTP/2 client with prior knowledge opens with the connection preface, HTTP/1.1 with a
  // request line. The first bytes decide which server gets the connection.
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.once('data', (first: Buffer) => {
      socket.pause();
      if (startsLikeHttp2(first)) h2.emit('connection', replaying(socket, first));
      else {
        socket.unshift(first);
        http1.emit('connection', socket);
        socket.resume();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  addReceiverPort(port);
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    port,
    records,
    forwardTo(target: URL) {
      upstream = target;
    },
    async close() {
      removeReceiverPort(port);
      session?.close();
      agent.destroy();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function startsLikeHttp2(first: Buffer): boolean {
  const length = Math.min(first.length, H2_PREFACE.length);
  return first.subarray(0, length).equals(H2_PREFACE.subarray(0, length));
}

/**
 * The socket as a stream that first gives the bytes already read from it. The HTTP/2 server reads a real socket's
 * handle directly (bytes already taken off it would be lost), but it wraps any other duplex stream.
 */
function replaying(socket: Socket, first: Buffer): Duplex {
  const duplex = new Duplex({
    read() {
      socket.resume();
    },
    write(chunk: Buffer, _encoding, done) {
      socket.write(chunk, done);
    },
    final(done) {
      socket.end(done);
    },
    destroy(error, done) {
      socket.destroy(error ?? undefined);
      done(error);
    },
  });
  duplex.push(first);
  socket.on('data', (chunk: Buffer) => {
    if (!duplex.push(chunk)) socket.pause();
  });
  socket.once('end', () => duplex.push(null));
  socket.once('close', () => duplex.destroy());
  socket.once('error', (error) => duplex.destroy(error));
  return duplex;
}
