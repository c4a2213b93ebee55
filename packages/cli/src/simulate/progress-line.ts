/**
 * Monte Carlo progress on a terminal: one line on stderr, rewritten in place, and only when
 * stderr is a TTY (a pipe or a file gets nothing). A plain line, because no progress-bar library
 * is a dependency of Parley yet.
 */
export function progressLine(
  stream: NodeJS.WriteStream,
  label: string,
): ((done: number, total: number) => void) & {
  end(): void;
} {
  const tty = stream.isTTY === true;
  let shown = -1;
  const update = (done: number, total: number) => {
    if (!tty) return;
    const percent = Math.floor((100 * done) / total);
    if (percent === shown) return;
    shown = percent;
    const width = 30;
    const filled = Math.round((width * done) / total);
    stream.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
  };
  return Object.assign(update, {
    end() {
      if (tty && shown >= 0) stream.write('\r\x1b[2K');
    },
  });
}
