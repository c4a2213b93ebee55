import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { progressLine } from './progress-line.ts';

/** A stream that records what is written; a TTY or not. */
function capture(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as unknown as NodeJS.WriteStream;
  Object.assign(stream, { isTTY, columns: 120 });
  return { stream, text: () => chunks.join('') };
}

describe('Monte Carlo progress bar', () => {
  it('draws runs done out of the total on a TTY, and clears itself at the end', () => {
    const { stream, text } = capture(true);
    const progress = progressLine(stream, '10 runs');
    progress(3, 10);
    expect(text()).toContain('10 runs [#########.....................] 30% | 3/10');
    progress(10, 10);
    progress.end();
    expect(text()).toContain('10 runs [##############################] 100% | 10/10');
    // Cleared on completion: the cursor shown again and the line erased.
    expect(text().endsWith('\x1b[?25h\x1b[?7h\x1b8\x1b[1G\x1b[2K')).toBe(true);
  });

  it('writes nothing on a pipe', () => {
    const { stream, text } = capture(false);
    const progress = progressLine(stream, '10 runs');
    progress(3, 10);
    progress(10, 10);
    progress.end();
    expect(text()).toBe('');
  });
});
