#!/usr/bin/env node
// Runs the TypeScript CLI straight from the repo: no build step needed.
import { register } from 'tsx/esm/api';

register();
// Piping into `head` closes stdout early: end quietly, as other command-line tools do.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
