import type { EditJson } from '@parley/core/drafts/render-json.ts';

/**
 * One run of a unit's redline as the page draws it: words kept, added or removed, and the party
 * whose bracket they stand in. Bracket marks are their own runs so the page can name the party
 * where a bracket opens (colour is never the only sign of whose bracket it is).
 */
export type RedlineRun =
  | { kind: 'text'; op: EditJson['op']; text: string; party?: string; space: boolean }
  | { kind: 'open' | 'alternative'; op: EditJson['op']; party: string; choice: boolean; space: boolean }
  | { kind: 'close'; op: EditJson['op']; choice: boolean; space: boolean };

/** The key of brackets nobody is named for, as `parley brackets` counts them. */
export const UNATTRIBUTED = 'unattributed';

const ATTRIBUTION = /[ \t]*([a-z][a-z0-9-]*):[ \t]+/y;

interface Open {
  choice: boolean;
  party: string;
}

/**
 * Reads a unit's word edits into runs, following the draft's bracket notation across the edits
 * (`[ru: …]`, `{ua: … | ru: …}`, `\[` for a literal bracket; docs/drafts-format.md): a bracket
 * may open in kept text and close in added text. `space` says whether a space goes before a run:
 * the edits carry their positions, so two edits that touch in the text are drawn touching.
 */
export function redlineRuns(edits: readonly EditJson[]): RedlineRun[] {
  const runs: RedlineRun[] = [];
  const stack: Open[] = [];
  const end: { a?: Position; b?: Position } = {};
  for (const edit of edits) {
    let space = runs.length > 0 && !touches(edit, end);
    let text = '';
    const flush = () => {
      if (text === '') return;
      const party = stack.at(-1)?.party;
      runs.push({ kind: 'text', op: edit.op, text, space, ...(party ? { party } : {}) });
      text = '';
      space = false;
    };
    // A mark after text in the same edit touches it; the first run of an edit takes the edit's space.
    const mark = (run: (space: boolean) => RedlineRun) => {
      flush();
      runs.push(run(space));
      space = false;
    };
    const s = edit.text;
    for (let i = 0; i < s.length; i++) {
      const ch = s[i]!;
      if (ch === '\\' && i + 1 < s.length) {
        text += s[++i];
        continue;
      }
      if (ch === '[' || ch === '{') {
        const choice = ch === '{';
        ATTRIBUTION.lastIndex = i + 1;
        const named = ATTRIBUTION.exec(s);
        const party = named?.[1] ?? UNATTRIBUTED;
        mark((space) => ({ kind: 'open', op: edit.op, party, choice, space }));
        stack.push({ choice, party });
        if (named) i += named[0].length;
        continue;
      }
      const top = stack.at(-1);
      if (ch === '|' && top?.choice) {
        ATTRIBUTION.lastIndex = i + 1;
        const named = ATTRIBUTION.exec(s);
        text = text.trimEnd();
        flush();
        top.party = named?.[1] ?? UNATTRIBUTED;
        mark(() => ({ kind: 'alternative', op: edit.op, party: top.party, choice: true, space: true }));
        if (named) i += named[0].length;
        else if (s[i + 1] === ' ') i++;
        continue;
      }
      if ((ch === ']' && top && !top.choice) || (ch === '}' && top?.choice)) {
        mark((space) => ({ kind: 'close', op: edit.op, choice: top.choice, space }));
        stack.pop();
        continue;
      }
      text += ch;
    }
    flush();
    if (edit.op !== 'insert' && edit.a) end.a = after(edit.a, edit.text);
    if (edit.op !== 'delete' && edit.b) end.b = after(edit.b, edit.text);
  }
  return runs;
}

interface Position {
  line: number;
  column: number;
}

const after = (p: Position, text: string): Position => ({ line: p.line, column: p.column + text.length });

/** Whether an edit starts where the text before it ended, on its own side (A for removed words, B otherwise). */
function touches(edit: EditJson, end: { a?: Position; b?: Position }): boolean {
  const [start, last] = edit.op === 'delete' ? [edit.a, end.a] : [edit.b, end.b];
  return !!start && !!last && start.line === last.line && start.column === last.column;
}

/** The runs one side of a side-by-side redline shows: the earlier text (kept and removed) or the later (kept and added). */
export function sideRuns(runs: readonly RedlineRun[], side: 'before' | 'after'): RedlineRun[] {
  const hidden = side === 'before' ? 'insert' : 'delete';
  return runs.filter((r) => r.op !== hidden);
}
