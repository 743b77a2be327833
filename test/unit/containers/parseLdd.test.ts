import { expect, test } from 'vitest';
import { parseLdd } from '../../../src/containers/image/nodeRuntimeFiles.ts';

test('parseLdd lists the libraries and the loader, not the vdso', () => {
  const output = [
    '\tlinux-vdso.so.1 (0x00007ffd1a5f2000)',
    '\tlibdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007f6f23f71000)',
    '\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f6f23a1e000)',
    '\t/lib64/ld-linux-x86-64.so.2 (0x00007f6f23f89000)',
  ].join('\n');
  expect(parseLdd(output)).toEqual([
    '/lib/x86_64-linux-gnu/libdl.so.2',
    '/lib/x86_64-linux-gnu/libc.so.6',
    '/lib64/ld-linux-x86-64.so.2',
  ]);
});
