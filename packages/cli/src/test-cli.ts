import { fileURLToPath } from 'node:url';
import type { Environment } from './environment.ts';
import { main } from './main.ts';

/** The environment bin/parley.mjs gives, found from this file's place in the repository. */
export const testEnvironment: Environment = {
  libraryDir: fileURLToPath(new URL('../../../library/instruments', import.meta.url)),
  embeddedCaseDir: fileURLToPath(new URL('../../../cases/istanbul-2022', import.meta.url)),
};

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const outs: string[] = [];
  const errs: string[] = [];
  const output = { out: (s: string) => outs.push(s), err: (s: string) => errs.push(s), isTTY: false };
  const code = await main(argv, output, testEnvironment);
  return { code, out: outs.join('\n'), err: errs.join('\n') };
}
