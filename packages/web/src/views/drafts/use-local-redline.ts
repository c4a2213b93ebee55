import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type {
  LocalRedlineAnswer,
  LocalRedlineReply,
  LocalRedlineRequest,
  LocalText,
  TextSide,
} from './local-redline.ts';

export type LocalRedlineState =
  { state: 'idle' } | { state: 'computing' } | { state: 'answered'; answer: LocalRedlineAnswer };

/**
 * Performance marks of one comparison, for the browser's tools and `npm run bench:web`: from the
 * click to the worker's answer, to the first frame painted with it, and to every unit drawn.
 */
export const LOCAL_REDLINE_MARKS = {
  submit: 'parley:local-redline:submit',
  answered: 'parley:local-redline:answered',
  /** The first frame with the redline: its summary and first units (RedlineBody draws the rest in later frames). */
  painted: 'parley:local-redline:painted',
  /** Every changed unit drawn. */
  complete: 'parley:local-redline:complete',
  /** submit → painted */
  total: 'parley:local-redline',
  /** submit → complete */
  all: 'parley:local-redline:all',
} as const;

/** How long a pasted text rests before the worker reads it (typing does not queue a read per key). */
const READ_AFTER_MS = 300;

/** Once the next frame is painted: marks `mark` and measures from the click to it. */
function afterPaint(mark: string, measure: string) {
  const frame = requestAnimationFrame(() =>
    setTimeout(() => {
      performance.mark(mark);
      performance.measure(measure, LOCAL_REDLINE_MARKS.submit, mark);
    }),
  );
  return () => cancelAnimationFrame(frame);
}

/**
 * The redline of two local texts computed in a Web Worker, so the page stays responsive on long
 * texts. The worker starts when a text is first given (`read`) and reads each text as it comes, so
 * a Compare finds both parsed; a new comparison while one runs stops the old one.
 */
export function useLocalRedline() {
  const worker = useRef<Worker | null>(null);
  const latest = useRef(0);
  const pending = useRef(new Map<TextSide, ReturnType<typeof setTimeout>>());
  const [state, setState] = useState<LocalRedlineState>({ state: 'idle' });

  const post = useCallback((request: LocalRedlineRequest) => {
    if (!worker.current) {
      const w = new Worker(new URL('./redline.worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = ({ data }: MessageEvent<LocalRedlineReply>) => {
        if (data.id !== latest.current) return; // a stopped comparison's late answer
        performance.mark(LOCAL_REDLINE_MARKS.answered);
        setState({ state: 'answered', answer: data });
      };
      w.onerror = (event) => {
        event.preventDefault();
        worker.current = null;
        w.terminate();
        setState({
          state: 'answered',
          answer: { ok: false, failure: `The comparison could not run in this browser (${event.message}).` },
        });
      };
      worker.current = w;
    }
    worker.current.postMessage(request);
  }, []);

  /** A text given: the worker reads it now (a chosen file) or once the typing rests (`later`). */
  const read = useCallback(
    (side: TextSide, text: LocalText, later = false) => {
      clearTimeout(pending.current.get(side));
      if (later)
        pending.current.set(
          side,
          setTimeout(() => post({ kind: 'read', side, text }), READ_AFTER_MS),
        );
      else post({ kind: 'read', side, text });
    },
    [post],
  );

  const stop = useCallback(() => {
    worker.current?.terminate();
    worker.current = null;
    latest.current += 1;
    setState({ state: 'idle' });
  }, []);

  const compare = useCallback(
    (before: LocalText, after: LocalText) => {
      for (const mark of ['answered', 'painted', 'complete'] as const)
        performance.clearMarks(LOCAL_REDLINE_MARKS[mark]);
      performance.mark(LOCAL_REDLINE_MARKS.submit);
      for (const timer of pending.current.values()) clearTimeout(timer);
      if (state.state === 'computing') stop();
      const id = ++latest.current;
      setState({ state: 'computing' });
      post({ kind: 'compare', id, before, after });
    },
    [state.state, stop, post],
  );

  useEffect(() => () => worker.current?.terminate(), []);

  // Once the answer's first units are in the DOM: the frame after this one has painted them.
  useLayoutEffect(() => {
    if (state.state === 'answered') return afterPaint(LOCAL_REDLINE_MARKS.painted, LOCAL_REDLINE_MARKS.total);
  }, [state]);

  /** For RedlineBody, once its last units are in the DOM. */
  const allDrawn = useCallback(() => afterPaint(LOCAL_REDLINE_MARKS.complete, LOCAL_REDLINE_MARKS.all), []);

  return { state, compare, stop, read, allDrawn };
}
