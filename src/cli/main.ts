#!/usr/bin/env node
// The `tracespec` command (see runCli.ts). Runs as built JavaScript, or from source with Node 24's type stripping.
import { openFile } from './openFile.ts';
import { runCli } from './runCli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  open: openFile,
});
