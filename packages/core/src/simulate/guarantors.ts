import type { NegotiationDomain, Outcome, Stakeholder } from '../bargaining/outcome-space.ts';

/**
 * What a bargaining party knows of the guarantors whose signature a package may need — an
 * assumption about the delegations, not a fact of the case (docs/simulate.md, "Guarantors"):
 *
 * - `informed`: it knows, from the case model, which packages oblige which guarantor, what each
 *   guarantor wants (its scores) and what it will settle for on the day (its reservation value,
 *   event-driven). It neither proposes nor accepts a package an obliged guarantor would veto.
 * - `learn`: it knows who is obliged when and what each guarantor wants, but not how far the
 *   guarantor will go. A veto teaches it: the guarantor wants more than the vetoed package gave
 *   it, so every package that obliges that guarantor and gives it no more is excluded from then
 *   on (a floor just above the vetoed package's value), and bargaining goes on while time remains.
 * - `blind`: it bargains as if the guarantors were not there (their vetoes still apply).
 */
export type GuarantorKnowledge = 'informed' | 'learn' | 'blind';

export const GUARANTOR_KNOWLEDGE: readonly GuarantorKnowledge[] = ['informed', 'learn', 'blind'];

/** How far above a vetoed package's value a learnt floor sits: excludes it and anything no better. */
const LEARNT_STEP = 1e-9;

/** Stakeholder indices (domain order) of the guarantors: the signers a party may take into account. */
export const guarantorIndices = (domain: NegotiationDomain) =>
  domain.stakeholders.flatMap((s, q) => (s.role === 'guarantor' ? [q] : []));

/**
 * One party's view of the guarantors' floors (the bid search's signers, in guarantorIndices
 * order): per turn, the value an obliged guarantor's package must reach, or undefined when the
 * party takes no guarantor into account.
 */
export class GuarantorView {
  private readonly guarantors: number[];
  private readonly learnt: Float64Array;
  private readonly floors: Float64Array;

  constructor(
    private readonly domain: NegotiationDomain,
    readonly knowledge: GuarantorKnowledge,
  ) {
    this.guarantors = guarantorIndices(domain);
    this.learnt = new Float64Array(this.guarantors.length).fill(-Infinity);
    this.floors = new Float64Array(this.guarantors.length);
  }

  /** The guarantors as the bid search's signers. */
  signers(): Stakeholder[] {
    return this.guarantors.map((q) => this.domain.stakeholders[q]!);
  }

  /** The floors on a turn whose day gives these reservation values (per stakeholder; absent: the profiles'). */
  floorsOn(limits: readonly number[] | undefined): Float64Array | undefined {
    if (this.knowledge === 'blind' || this.guarantors.length === 0) return undefined;
    if (this.knowledge === 'learn') return this.learnt;
    this.guarantors.forEach((q, c) => {
      this.floors[c] = limits?.[q] ?? this.domain.stakeholders[q]!.reservationValue;
    });
    return this.floors;
  }

  /** A stakeholder vetoed a package: a learning party raises that guarantor's floor above it. */
  vetoed(by: number, outcome: Outcome): void {
    const c = this.guarantors.indexOf(by);
    if (this.knowledge !== 'learn' || c < 0) return;
    const scores = this.domain.stakeholders[by]!.scores;
    let u = 0;
    for (let i = 0; i < outcome.length; i++) u += scores[i]![outcome[i]!]!;
    this.learnt[c] = Math.max(this.learnt[c]!, u + LEARNT_STEP);
  }
}
