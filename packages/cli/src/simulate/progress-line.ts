import { SingleBar } from 'cli-progress';

/**
 * Monte Carlo progress on a terminal: a cli-progress bar on stderr (runs done, share, time left),
 * redrawn in place and cleared at the end — and only when the stream is a TTY: a pipe or a file
 * gets nothing, so `--json` and redirected output stay clean.
 */
export function progressLine(
  stream: NodeJS.WriteStream,
  label: string,
): ((done: number, total: number) => void) & {
  end(): void;
} {
  const bar =
    stream.isTTY === true
      ? new SingleBar({
          stream,
          format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
          barCompleteChar: '#',
          barIncompleteChar: '.',
          barsize: 30,
          clearOnComplete: true,
          hideCursor: true,
          etaBuffer: 50,
        })
      : undefined;
  let started = false;
  const update = (done: number, total: number) => {
    if (!bar) return;
    if (!started) {
      bar.start(total, done);
      started = true;
      return;
    }
    bar.setTotal(total);
    bar.update(done);
  };
  return Object.assign(update, {
    end() {
      if (bar && started) bar.stop();
    },
  });
}
