import { ParleyError } from '@parley/model/errors.ts';
import type { RedlineJson, UnitChangeJson } from './render-json.ts';
import type { PatchRun } from './source-patch.ts';

/**
 * Both texts of a redline, rebuilt from its lossless JSON alone (`toRedlineJson` given the
 * texts): the head, then every unit on that side in text order, each as its kept runs and the
 * runs only that side has. Units moved between the versions are why each side has its own order.
 */
export function rebuildBefore(json: RedlineJson): string {
  return rebuild(json, 'a');
}

export function rebuildAfter(json: RedlineJson): string {
  return rebuild(json, 'b');
}

/**
 * Applies a redline to the earlier text, giving the later one: refused, at the first place where
 * they part, when `before` is not the text the redline was made from.
 */
export function applyRedline(json: RedlineJson, before: string): string {
  const expected = rebuildBefore(json);
  if (expected !== before) {
    let at = 0;
    while (at < before.length && before.charCodeAt(at) === expected.charCodeAt(at)) at++;
    const lines = before.slice(0, at).split('\n');
    throw new ParleyError(
      'invalid-input',
      `the redline does not apply to this text: they part at ${lines.length}:${(lines.at(-1) as string).length + 1}`,
    );
  }
  return rebuildAfter(json);
}

function rebuild(json: RedlineJson, side: 'a' | 'b'): string {
  const own: PatchRun['op'] = side === 'a' ? 'delete' : 'insert';
  const text = (runs: readonly PatchRun[]) => {
    let out = '';
    for (const run of runs) if (run.op === 'equal' || run.op === own) out += run.text;
    return out;
  };
  if (!json.head) throw notLossless();
  const units: { at: number; change: UnitChangeJson }[] = [];
  for (const change of json.changes) {
    if (!change.patch || !change.at) throw notLossless();
    const at = change.at[side];
    if (at !== undefined) units.push({ at, change });
  }
  units.sort((x, y) => x.at - y.at);
  let out = text(json.head);
  for (const { change } of units) out += text(change.patch as PatchRun[]);
  return out;
}

function notLossless(): ParleyError {
  return new ParleyError(
    'invalid-input',
    'this redline JSON carries no source text (head, at, patch): it was made without the versions’ texts',
  );
}
