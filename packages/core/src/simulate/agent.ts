import type { NegotiationDomain, Outcome } from '../bargaining/outcome-space.ts';
import type { SeededRandom } from '../random/seeded-random.ts';
import { accepts, acceptanceName, type Acceptance } from './acceptance.ts';
import { BidSearch, type BidSearchResult } from './bid-search.ts';
import { GuarantorView, type GuarantorKnowledge } from './guarantors.ts';
import type { Move, Negotiator, Turn } from './negotiator.ts';
import { FrequencyModel } from './opponent-model.ts';
import type { Tactic } from './tactics/tactic.ts';

export type BidSelection = (
  mine: number[][],
  theirs: number[][],
  target: number,
  hint: Outcome | undefined,
) => BidSearchResult | undefined;

/**
 * A party made of three parts (the BOA architecture of Baarslag et al.): a concession tactic
 * sets its target utility, a frequency model of the other parties picks, among packages worth at
 * least the target, the one best for them (bid-search.ts), and an acceptance condition decides
 * whether the offer on the table is taken instead. It never accepts, and never asks for, less than
 * its reservation value.
 *
 * Guarantors (guarantors.ts): a party that takes them into account (informed, or learning from
 * vetoes) searches only packages every obliged guarantor would sign, and accepts no other. When
 * its target is above every such package it asks for the best of them for itself (its curve is
 * capped there); when none reaches its own limit that day it holds its unconstrained offer — a
 * deal may open on a later day — rather than walking away.
 */
export class Agent implements Negotiator {
  readonly tactic: string;
  private readonly scores: number[][];
  /** Its profile's reservation value; a case calendar gives the day's on each turn instead. */
  private readonly reservationValue: number;
  private readonly best: number;
  private readonly models = new Map<number, FrequencyModel>();
  private readonly received: number[] = [];
  private lastTarget: number | undefined;
  /** Its misreading of the others, flat (bid-search.ts layout); zeros without noise. */
  private readonly noise: Float64Array;
  /** Its search over its own table, built once, and the modelled others' table it fills per offer. */
  private readonly search: BidSearch;
  private readonly others: Float64Array;
  /** Its previous offer: the bid search's first incumbent while it still meets the target. */
  private lastBid: Outcome | undefined;
  /** What it knows of the guarantors, and its own table flat (to find its best signable package). */
  private readonly guarantors: GuarantorView;
  private readonly own: Float64Array;
  /** Its best signable package worth at least its limit, and the limit and floors it was found under. */
  private bestSignable: BidSearchResult | undefined;
  private bestSignableFor: { rv: number; floors: Float64Array } | undefined;

  constructor(
    private readonly domain: NegotiationDomain,
    readonly party: number,
    private readonly concession: Tactic,
    private readonly acceptance: Acceptance,
    private readonly random: SeededRandom,
    modelNoise = 0,
    knowledge: GuarantorKnowledge = 'informed',
    /** How a bid is chosen: absent, the bid search (bid-search.ts); an enumeration baseline in benchmarks. */
    private readonly select?: BidSelection,
  ) {
    const me = domain.stakeholders[party]!;
    this.guarantors = new GuarantorView(domain, knowledge);
    this.search = new BidSearch(me.scores, this.guarantors.signers());
    this.own = this.search.flatten(me.scores);
    // Opponent-model noise (Monte Carlo): a fixed misreading of the other side, drawn once per run,
    // uniform in [0, noise) per option, added to what the frequency model learns.
    this.noise = this.search.flatten(
      me.scores.map((row) => row.map(() => (modelNoise > 0 ? modelNoise * random.float() : 0))),
    );
    this.others = new Float64Array(this.noise.length);
    this.scores = me.scores;
    this.reservationValue = me.reservationValue;
    this.best = me.scores.reduce((s, row) => s + Math.max(...row), 0);
    this.tactic = `${concession.name}, accept ${acceptanceName(acceptance)}${knowledge === 'informed' ? '' : `, guarantors ${knowledge}`}`;
  }

  utility(outcome: Outcome): number {
    let u = 0;
    for (let i = 0; i < outcome.length; i++) u += this.scores[i]![outcome[i]!]!;
    return u;
  }

  observe(by: number, outcome: Outcome): void {
    if (by === this.party) return;
    let model = this.models.get(by);
    if (!model) {
      model = new FrequencyModel(this.domain.issues.map((issue) => issue.options.length));
      this.models.set(by, model);
    }
    model.observe(outcome);
    this.received.push(this.utility(outcome));
  }

  vetoed(by: number, outcome: Outcome): void {
    this.guarantors.vetoed(by, outcome);
  }

  wouldSign(time: number, outcome: Outcome, reservationValue = this.reservationValue): boolean {
    return this.utility(outcome) >= this.targetAt(time, reservationValue);
  }

  private targetAt(time: number, reservationValue: number): number {
    const wanted = this.concession.target({
      time,
      reservationValue,
      best: this.best,
      lastTarget: this.lastTarget,
      received: this.received,
      random: this.random,
    });
    return Math.min(this.best, Math.max(reservationValue, wanted));
  }

  move(turn: Turn): Move {
    const rv = turn.reservationValue ?? this.reservationValue;
    const target = this.targetAt(turn.time, rv);
    const floors = this.guarantors.floorsOn(turn.limits);
    const bid = floors ? this.signableBid(target, rv, floors) : this.bid(target);
    if (turn.standing) {
      const offered = this.utility(turn.standing);
      const next = bid ? bid.mine : -Infinity;
      if (
        offered >= rv &&
        this.search.signable(turn.standing, floors) &&
        accepts(this.acceptance, { time: turn.time, offered, next, last: turn.last === true })
      )
        return { kind: 'accept' };
    }
    // No package reaches the reservation value: nothing to offer, so the party walks away.
    if (!bid || bid.mine < rv) return { kind: 'end' };
    this.lastTarget = target;
    this.lastBid = bid.outcome;
    return { kind: 'offer', outcome: bid.outcome };
  }

  /**
   * Its bid among the packages the guarantors would sign: the usual one if one reaches the
   * target; else its best signable package, if that reaches its limit; else (nothing signable
   * for it today) its unconstrained bid, holding its position.
   */
  private signableBid(target: number, rv: number, floors: Float64Array): BidSearchResult | undefined {
    // Its best signable package depends on its limit and the floors only, so it is searched for
    // when they change (a new day's reservation values, a veto learnt), not every turn.
    const seen = this.bestSignableFor;
    if (!seen || seen.rv !== rv || seen.floors.some((f, c) => f !== floors[c])) {
      this.bestSignable = this.search.find(this.own, rv, undefined, undefined, floors);
      this.bestSignableFor = { rv, floors: Float64Array.from(floors) };
    }
    const best = this.bestSignable;
    if (!best) return this.bid(target);
    if (best.mine < target) return best;
    return this.bid(target, floors);
  }

  private bid(target: number, floors?: Float64Array): BidSearchResult | undefined {
    const others = this.modelledOthers();
    if (!this.select) return this.search.find(others, target, undefined, this.lastBid, floors);
    // The enumeration baseline (benchmarks on GENIUS domains, which have no guarantors) ignores floors.
    const nested = this.scores.map((row, i) => row.map((_, j) => others[this.search.start[i]! + j]!));
    return this.select(this.scores, nested, target, this.lastBid);
  }

  /** The other parties' modelled utilities, summed (one additive table, flat; no allocation). */
  private modelledOthers(): Float64Array {
    this.others.set(this.noise);
    for (const model of this.models.values()) model.addScoresTo(this.others);
    return this.others;
  }
}
