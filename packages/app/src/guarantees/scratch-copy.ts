import { draftKey, type Case } from '@parley/model/case.ts';
import { formatPath, type Diagnostic } from '@parley/model/diagnostic.ts';
import { ParleyError } from '@parley/model/errors.ts';
import type { GuaranteeInstrument } from '@parley/model/schema/guarantee.ts';
import { thirdState, type GuaranteeContext } from '@parley/core/guarantees/context.ts';
import { checkGuaranteeReferences } from '@parley/core/guarantees/references.ts';
import { compareGuarantees, comparisonOf, type GuaranteeComparison } from './comparison.ts';
import type { ComparisonInput } from './input.ts';

/**
 * A scratch copy of an instrument: a changed decision rule, consultation window or exclusions
 * evaluated beside the recorded instruments, nothing saved (the Guarantees lab).
 */

/** The origin a scratch copy reports in place of the case's or the library's. */
export const SCRATCH_ORIGIN = 'scratch copy';

/**
 * The context with `copy` in place of the instrument of its id (or beside the others when none
 * has it), after checking the copy as `validate` checks a case's instrument: every id it names
 * resolves and its clauses fit together. Problems are located at the copy's own field paths
 * (`council`, `excludes[0]`): the copy is the whole of what the caller sent.
 */
export function scratchContext(
  caseData: Case,
  context: GuaranteeContext,
  copy: GuaranteeInstrument,
): GuaranteeContext {
  const others = context.instruments.filter((e) => e.instrument.id !== copy.id);
  const problems: Diagnostic[] = [];
  checkGuaranteeReferences(
    { instruments: [copy] },
    {
      actors: new Set([...context.actorNames.keys()].filter((a) => a !== thirdState)),
      sources: new Set(),
      drafts: new Set(caseData.drafts.flatMap((d) => d.versions.map((v) => draftKey(d.id, v.id)))),
      issues: new Set(caseData.issues.map((i) => i.id)),
      places: context.places,
      councils: new Set(context.councils.keys()),
      instruments: new Set(others.map((e) => e.instrument.id)),
    },
    // Paths come as instruments[0].…: drop that prefix.
    (path, message, code?: string) =>
      problems.push({
        code: code ?? 'guarantee-rule',
        severity: 'error',
        path: formatPath(path.slice(2)),
        message,
      }),
  );
  if (problems.length > 0) {
    const count = problems.length;
    throw new ParleyError(
      'invalid-input',
      `the instrument has ${count} problem${count === 1 ? '' : 's'}: ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  return { ...context, instruments: [...others, { instrument: copy, origin: SCRATCH_ORIGIN }] };
}

/**
 * The copy compared under the comparison's scenarios. The columns stay those of the recorded
 * instruments, even when the copy excludes other places, so each cell sits beside the original's.
 */
export function compareScratchCopy(
  caseData: Case,
  context: GuaranteeContext,
  copy: GuaranteeInstrument,
  input: ComparisonInput,
): GuaranteeComparison {
  const columns = comparisonOf(caseData, context);
  const scratchCase: Case = {
    ...caseData,
    guarantees: { ...(caseData.guarantees ?? { instruments: [] }), comparison: columns },
  };
  return compareGuarantees(scratchCase, scratchContext(caseData, context, copy), input);
}
