import { spawn } from 'node:child_process';

/**
 * Opens a file with the desktop's default application (`open` on macOS, `start` on Windows, `xdg-open`
 * elsewhere). Resolves once the opener started; rejects with a `[tracespec]` error that says what to do when there
 * is none (a CI machine, a container).
 *
 * @example
 * await openFile('checkout.trace.html');
 */
export function openFile(path: string): Promise<void> {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [path]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', path]]
        : ['xdg-open', [path]];
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: 'ignore' });
    child.once('error', (error) =>
      reject(
        new Error(
          `[tracespec] could not open ${path} with ${command} (${error.message}); open the file in a browser yourself.`,
        ),
      ),
    );
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
