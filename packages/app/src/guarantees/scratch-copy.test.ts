import { describe, expect, it } from 'vitest';
import { isParleyError } from '@parley/model/errors.ts';
import type { GuaranteeInstrument } from '@parley/model/schema/guarantee.ts';
import { loadTestCase } from '@parley/case-files/cases.test-support.ts';
import { compareGuarantees } from './comparison.ts';
import { guaranteeContextFor } from './context.ts';
import { comparisonInput } from './input.ts';
import { compareScratchCopy, SCRATCH_ORIGIN, scratchContext } from './scratch-copy.ts';

const caseData = await loadTestCase('embedded');
const context = guaranteeContextFor(caseData, []);
const RUSSIAN = 'draft-2022-04-15-russia';
const recorded = caseData.guarantees!.instruments.find((i) => i.id === RUSSIAN)!;

/** The ParleyError a call throws, as code, message and diagnostics. */
function refusal(call: () => unknown) {
  try {
    call();
  } catch (error) {
    if (!isParleyError(error)) throw error;
    return { code: error.code, message: error.message, diagnostics: error.diagnostics };
  }
  throw new Error('no error');
}

describe('scratchContext', () => {
  it('puts the copy in place of the instrument of its id, last, as a scratch copy', () => {
    const copy: GuaranteeInstrument = { ...recorded, decisionRule: 'majority' };
    const scratch = scratchContext(caseData, context, copy);
    expect(scratch.instruments.map((e) => e.instrument.id)).toEqual([
      ...context.instruments.map((e) => e.instrument.id).filter((id) => id !== RUSSIAN),
      RUSSIAN,
    ]);
    expect(scratch.instruments.at(-1)).toEqual({ instrument: copy, origin: SCRATCH_ORIGIN });
    // The context it came from is untouched.
    expect(context.instruments.find((e) => e.instrument.id === RUSSIAN)).toEqual({
      instrument: recorded,
      origin: 'case',
    });
  });

  it("locates a copy's problems at its own fields", () => {
    expect(refusal(() => scratchContext(caseData, context, { ...recorded, decisionRule: 'unsc' }))).toEqual({
      code: 'invalid-input',
      message:
        'the instrument has 1 problem: council: required with decisionRule "unsc" or obligation "seek-unsc-action": name the council whose vetoes matter',
      diagnostics: [
        {
          code: 'guarantee-rule',
          severity: 'error',
          path: 'council',
          message:
            'required with decisionRule "unsc" or obligation "seek-unsc-action": name the council whose vetoes matter',
        },
      ],
    });
    expect(
      refusal(() => scratchContext(caseData, context, { ...recorded, excludes: ['atlantis'] })).message,
    ).toBe('the instrument has 1 problem: excludes[0]: unknown place "atlantis"');
  });
});

describe('compareScratchCopy', () => {
  const input = comparisonInput.parse({ instrument: RUSSIAN, attacker: 'ru', runs: '500' });
  const statuses = (comparison: ReturnType<typeof compareGuarantees>) =>
    comparison.results.map((r) => `${r.scenario.place ?? 'core'}: ${r.status}`);

  it("keeps the recorded comparison's columns when the copy drops its exclusions", () => {
    const original = compareGuarantees(caseData, context, input);
    const copy = compareScratchCopy(caseData, context, { ...recorded, excludes: [] }, input);
    expect(copy.columns).toEqual(original.columns);
    expect(statuses(original)).toEqual(['core: covered', 'crimea: out-of-scope']);
    expect(statuses(copy)).toEqual(['core: covered', 'crimea: covered']);
  });

  it('evaluates an unchanged copy as the original, under its scratch origin', () => {
    const original = compareGuarantees(caseData, context, input);
    const copy = compareScratchCopy(caseData, context, recorded, input);
    expect(copy.results).toEqual(original.results.map((r) => ({ ...r, origin: SCRATCH_ORIGIN })));
  });
});
