/**
 * A running traced service, container or child process alike. `stop()` sends SIGTERM, waits for the service to
 * flush its spans (up to the flush timeout), then removes it; `await using` calls it for you.
 *
 * @example
 * await using orders = await new TracedProcess('node', ['orders.js']).withServiceName('orders').start();
 * await fetch(`${orders.url}/orders`, { method: 'POST' });
 */
export interface StartedTracedService extends AsyncDisposable {
  readonly serviceName: string;
  /** Base URL from the host, e.g. `http://127.0.0.1:49153`. */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** What the service printed so far (stdout and stderr), for failure messages. */
  output(): string;
  stop(): Promise<void>;
}
