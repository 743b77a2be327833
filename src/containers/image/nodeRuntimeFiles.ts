import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/** The Node binary and the shared libraries it loads: what a `FROM scratch` image needs to run it. */
export interface NodeRuntimeFiles {
  readonly node: string;
  /** Absolute paths of the libraries and the dynamic loader, to be placed at the same paths in the image. */
  readonly libraries: readonly string[];
}

/** Reads `ldd` output: `libc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)` and `/lib64/ld-linux-x86-64.so.2 (0x...)`. */
export function parseLdd(output: string): string[] {
  const paths: string[] = [];
  for (const line of output.split('\n')) {
    const match = line.match(/=>\s*(\/\S+)/) ?? line.match(/^\s*(\/\S+)\s+\(/);
    if (match?.[1]) paths.push(match[1]);
  }
  return paths;
}

/**
 * The files of the Node runtime running this process (`process.execPath`), found with `ldd`.
 *
 * @example
 * const { node, libraries } = await nodeRuntimeFiles();
 */
export async function nodeRuntimeFiles(node = process.execPath): Promise<NodeRuntimeFiles> {
  if (process.platform !== 'linux') {
    throw new Error(
      `[tracespec] registry-free Node images copy the host's Node binary, which only works on Linux (this is ${process.platform}). Use a node:24-slim based image instead (see docs/containers.md).`,
    );
  }
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)('ldd', [node]));
  } catch (error) {
    throw new Error(
      `[tracespec] could not list the libraries of ${node} with ldd (${(error as Error).message}). Install ldd (libc-bin) or use a node:24-slim based image.`,
    );
  }
  return { node, libraries: parseLdd(stdout) };
}
