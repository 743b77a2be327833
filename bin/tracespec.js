#!/usr/bin/env node
// The `tracespec` command: `tracespec show <file>`, `tracespec diff <a> <b>` (see src/cli/runCli.ts).
import '../dist/cli/main.js';
