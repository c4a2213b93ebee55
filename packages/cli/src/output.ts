/** Where commands write. Tests pass their own sinks; the real CLI uses process streams. */
export interface Output {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal (colour allowed). */
  isTTY: boolean;
}

export const processOutput: Output = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  isTTY: Boolean(process.stdout.isTTY),
};

export function printJson(output: Output, value: unknown): void {
  output.out(JSON.stringify(value, null, 2));
}
