import { useMemo, useState } from 'react';
import type { RedlineJson } from '@parley/core/drafts/render-json.ts';
import type { LocalProblem, LocalText, TextSide } from './local-redline.ts';
import { RedlineBody, RedlineModeChoice, type NameOf, type RedlineMode } from './RedlineBody.tsx';
import { UNATTRIBUTED } from './redline-segments.ts';
import { useLocalRedline } from './use-local-redline.ts';
import { partyColours } from './versions.ts';

const TITLES: Record<TextSide, string> = { before: 'Earlier text', after: 'Later text' };
/** Warnings listed at most (a long plain text can have hundreds of unbalanced brackets). */
const WARNINGS_SHOWN = 50;

/**
 * "Compare two texts": a redline of two texts the user picks or pastes, computed in this browser by
 * the same drafts engine as the server's (in a Web Worker) and drawn by the same redline view. The
 * texts are never sent anywhere.
 */
export function LocalCompare({ nameOf }: { nameOf: NameOf }) {
  const [texts, setTexts] = useState<Record<TextSide, LocalText>>({
    before: { name: TITLES.before, text: '' },
    after: { name: TITLES.after, text: '' },
  });
  const [mode, setMode] = useState<RedlineMode>('inline');
  const { state, compare, stop, read, allDrawn } = useLocalRedline();
  /** A chosen file is read at once; a text being typed or pasted once the typing rests. */
  const set = (side: TextSide, text: LocalText, typed: boolean) => {
    read(side, text, typed);
    setTexts((t) => ({ ...t, [side]: text }));
  };
  const computing = state.state === 'computing';
  const answer = state.state === 'answered' ? state.answer : undefined;
  return (
    <section aria-labelledby="local-compare-title" data-testid="local-compare">
      <h2 id="local-compare-title">Compare two texts</h2>
      <p className="hint">
        Two texts of your own (Markdown or Parley&apos;s bracket text), chosen as files or pasted: the redline
        is computed in this browser and the texts are not uploaded.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          compare(texts.before, texts.after);
        }}
      >
        <div className="local-texts">
          {(['before', 'after'] as const).map((side) => (
            <TextField
              key={side}
              side={side}
              value={texts[side]}
              onChange={(t, typed) => set(side, t, typed)}
            />
          ))}
        </div>
        <div className="filters">
          <button type="submit" disabled={!texts.before.text || !texts.after.text}>
            Compare
          </button>
          {computing && (
            <button type="button" onClick={stop}>
              Stop
            </button>
          )}
          <RedlineModeChoice name="local-redline-mode" mode={mode} onChange={setMode} />
        </div>
      </form>
      {computing && (
        <p role="status" className="status" data-testid="local-computing">
          Computing the redline in the background…
        </p>
      )}
      {answer && !answer.ok && (
        <div role="alert" className="failure" data-testid="local-problems">
          {'failure' in answer ? (
            <p>{answer.failure}</p>
          ) : (
            <>
              <p>
                No redline: {answer.problems.length} error{answer.problems.length === 1 ? '' : 's'} in the
                texts.
              </p>
              <Problems problems={answer.problems} />
            </>
          )}
        </div>
      )}
      {answer?.ok && (
        <>
          <p className="hint" data-testid="local-redline-timing">
            Computed in this browser in {Math.round(answer.ms.parse + answer.ms.redline)} ms (reading{' '}
            {Math.round(answer.ms.parse)} ms, redline {Math.round(answer.ms.redline)} ms).
          </p>
          {answer.warnings.length > 0 && (
            <details data-testid="local-warnings">
              <summary>
                {answer.warnings.length} warning{answer.warnings.length === 1 ? '' : 's'} in the texts (the
                redline is drawn all the same)
              </summary>
              <Problems problems={answer.warnings.slice(0, WARNINGS_SHOWN)} />
              {answer.warnings.length > WARNINGS_SHOWN && (
                <p className="hint">and {answer.warnings.length - WARNINGS_SHOWN} more.</p>
              )}
            </details>
          )}
          <LocalRedline redline={answer.redline} mode={mode} nameOf={nameOf} onAllDrawn={allDrawn} />
        </>
      )}
    </section>
  );
}

function LocalRedline({
  redline,
  mode,
  nameOf,
  onAllDrawn,
}: {
  redline: RedlineJson;
  mode: RedlineMode;
  nameOf: NameOf;
  onAllDrawn: () => () => void;
}) {
  const colours = useMemo(
    () => partyColours([...new Set([...Object.keys(redline.summary.brackets), UNATTRIBUTED])]),
    [redline],
  );
  return (
    <RedlineBody
      redline={redline}
      mode={mode}
      nameOf={nameOf}
      colours={colours}
      prefix="local-"
      onAllDrawn={onAllDrawn}
    />
  );
}

/** One text: a file to choose, or the text pasted (a chosen file's text shows here too). */
function TextField({
  side,
  value,
  onChange,
}: {
  side: TextSide;
  value: LocalText;
  onChange: (text: LocalText, typed: boolean) => void;
}) {
  const title = TITLES[side];
  return (
    <fieldset className="local-text">
      <legend>{title}</legend>
      <label>
        Choose a file{' '}
        <input
          type="file"
          accept=".md,.markdown,.txt,text/plain,text/markdown"
          aria-label={`${title}: choose a file`}
          data-testid={`local-file-${side}`}
          onChange={async (e) => {
            const file = e.target.files?.[0];
            if (file) onChange({ name: file.name, text: await file.text() }, false);
          }}
        />
      </label>
      <label>
        or paste the text
        <textarea
          rows={6}
          spellCheck={false}
          aria-label={`${title}: paste the text`}
          value={value.text}
          onChange={(e) => onChange({ name: value.name, text: e.target.value }, true)}
        />
      </label>
    </fieldset>
  );
}

function Problems({ problems }: { problems: readonly LocalProblem[] }) {
  return (
    <ul>
      {problems.map((p, i) => (
        <li key={i}>
          {TITLES[p.side]}
          {p.name !== TITLES[p.side] && ` (${p.name})`}, line {p.line}, column {p.column}: {p.message}
        </li>
      ))}
    </ul>
  );
}
