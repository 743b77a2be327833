// A small service as another team writes it: plain node:http, no OpenTelemetry code (tracespec/service does it).
import http from 'node:http';

const server = http.createServer((request, response) => {
  response.writeHead(request.url === '/health' ? 200 : 201, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ ok: true }));
});
server.listen(Number(process.env.PORT ?? 3000), () => console.log(`orders listening on ${process.env.PORT}`));
