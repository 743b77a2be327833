import { createSocket } from 'node:dgram';

/** Sends datagrams to a UDP port on this machine from a fresh socket, and closes it once all are sent. */
export async function sendDatagrams(host: string, port: number, datagrams: readonly Uint8Array[]): Promise<void> {
  const socket = createSocket(host.includes(':') ? 'udp6' : 'udp4');
  try {
    for (const datagram of datagrams) {
      await new Promise<void>((resolve, reject) =>
        socket.send(datagram, port, host, (error) => (error ? reject(error) : resolve())),
      );
    }
  } finally {
    socket.close();
  }
}
