import { main } from './main.ts';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const outs: string[] = [];
  const errs: string[] = [];
  const code = await main(argv, { out: (s) => outs.push(s), err: (s) => errs.push(s), isTTY: false });
  return { code, out: outs.join('\n'), err: errs.join('\n') };
}
