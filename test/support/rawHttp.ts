import type { Socket } from 'node:net';

/** Sends one request on the socket and resolves with the status of its answer (the answer read whole). */
export function exchange(socket: Socket, path: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let received = '';
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const head = received.indexOf('\r\n\r\n');
      if (head === -1) return;
      const length = Number(/content-length: *(\d+)/i.exec(received.slice(0, head))?.[1] ?? 0);
      if (received.length < head + 4 + length) return;
      socket.off('data', onData);
      socket.off('close', onClose);
      resolve(Number(received.slice(9, 12)));
    };
    const onClose = () => reject(new Error(`the server closed the connection (received: ${JSON.stringify(received)})`));
    socket.on('data', onData);
    socket.once('close', onClose);
    socket.write(
      `POST ${path} HTTP/1.1\r\nHost: collector\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  });
}
