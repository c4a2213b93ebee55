import { ParleyError } from '@parley/model/errors.ts';
import type { AnalystModel } from '@parley/model/schema/analyst-model.ts';
import type { RectangleBound, RectangleTerm } from './nonlinear/interacting-utility.ts';

/**
 * The interactions of a case model (each stakeholder's `interactions` in model.yaml) as
 * hyper-rectangle terms, one list per stakeholder in model order. An interaction pays when every
 * issue it lists takes one of its listed options; options that are not neighbours in the issue's
 * order make several disjoint boxes with the same value (a package lies in at most one of them, so
 * it is paid once).
 */
export function interactionTerms(
  issues: readonly { id: string; kind: string; options: string[] }[],
  model: AnalystModel,
): RectangleTerm[][] {
  return model.stakeholders.map((s) =>
    (s.interactions ?? []).flatMap((x) => {
      const where = `${s.actor}'s interaction "${x.id}"`;
      let boxes: RectangleBound[][] = [[]];
      for (const [issueId, optionIds] of Object.entries(x.when)) {
        const i = issues.findIndex((c) => c.id === issueId);
        const issue = issues[i];
        if (!issue)
          throw new ParleyError(
            'invalid-model',
            `${where} names issue "${issueId}", which is not on the case's agenda`,
          );
        if (issue.kind === 'number')
          throw new ParleyError(
            'invalid-model',
            `${where} names number issue "${issueId}"; interactions join boolean, choice and set issues`,
          );
        const indices = optionIds.map((id) => {
          const o = issue.options.indexOf(id);
          if (o < 0)
            throw new ParleyError(
              'invalid-model',
              `${where}: "${id}" is not an option of issue "${issueId}" (it has ${issue.options.join(', ')})`,
            );
          return o;
        });
        const runs = contiguousRuns(indices);
        boxes = boxes.flatMap((box) => runs.map(([lo, hi]) => [...box, { issue: i, lo, hi }]));
      }
      return boxes.map((bounds): RectangleTerm => ({
        value: x.value.value,
        bounds,
        source: `${s.actor}.interactions.${x.id}`,
      }));
    }),
  );
}

/** Sorted distinct indices as inclusive [lo, hi] runs: [0, 1, 3] → [[0, 1], [3, 3]]. */
function contiguousRuns(indices: number[]): [number, number][] {
  const sorted = [...new Set(indices)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const o of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[1] === o - 1) last[1] = o;
    else runs.push([o, o]);
  }
  return runs;
}
