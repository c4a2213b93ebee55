import { judgeMove, type Mover, type ProposalMove } from '@parley/core/conduct/proposal-life.ts';
import {
  MEDIATION,
  type PackageValue,
  type Proposal,
  type ProposalState,
} from '@parley/model/schema/conduct.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import type { PositionValue } from '@parley/model/schema/positions.ts';
import { grouped } from '../../format/grouped.ts';

/** Names a party by its id (actors' names); unknown ids stay as they are. */
export type NameOf = (id: string) => string;

/** Who tabled a proposal, as a reader of the channel sees it: the team's own reads as its suggestion. */
export function tablerText(tabledBy: string, nameOf: NameOf): string {
  return tabledBy === MEDIATION ? 'Mediator’s suggestion' : `Tabled by ${nameOf(tabledBy)}`;
}

/** A channel's heading: the plenary, or a party's caucus with the mediation team. */
export function channelTitle(channel: string, nameOf: NameOf): string {
  return channel === 'plenary' ? 'Plenary' : `Caucus: ${nameOf(channel)}`;
}

/** One package value in words: yes/no, an option's label, a number with its unit, members by name. */
export function packageValueText(value: PackageValue, issue: Issue | undefined, nameOf: NameOf): string {
  const v = value.value;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'number') {
    const unit = value.unit ?? issue?.unit;
    return unit ? `${grouped(v)} ${unit}` : grouped(v);
  }
  if (Array.isArray(v)) return v.length === 0 ? 'none' : v.map(nameOf).join(', ');
  return issue?.options?.find((o) => o.id === v)?.label ?? v;
}

/** The moves the console offers as buttons (superseding is tabling a successor, not a button). */
const offered: readonly ProposalMove[] = ['consider', 'accept', 'reject', 'withdraw'];
const moveLabels: Record<ProposalMove, string> = {
  consider: 'Under consideration',
  accept: 'Accept',
  reject: 'Reject',
  withdraw: 'Withdraw',
  supersede: 'Supersede',
};

/** The moves the caller may make on a proposal now, by the same rule the server applies. */
export function movesFor(
  proposal: Pick<Proposal, 'state' | 'tabledBy' | 'channel'>,
  mover: Mover,
): { move: ProposalMove; label: string; to: ProposalState }[] {
  return offered.flatMap((move) => {
    const verdict = judgeMove(proposal, move, mover);
    return verdict.allowed ? [{ move, label: moveLabels[move], to: verdict.to }] : [];
  });
}

/**
 * A value as the package form holds it (text of an input, or the ticked members of a set) made
 * into the issue's kind; undefined while it is not one yet (an empty or non-numeric number).
 */
export function formValue(issue: Issue, raw: string | readonly string[]): PositionValue | undefined {
  if (issue.kind === 'set') return Array.isArray(raw) ? [...raw] : [];
  const text = (Array.isArray(raw) ? raw[0] : raw) ?? '';
  switch (issue.kind) {
    case 'boolean':
      return text === 'yes' ? true : text === 'no' ? false : undefined;
    case 'number': {
      const trimmed = text.replace(/[\s,]/g, '');
      return trimmed !== '' && Number.isFinite(Number(trimmed)) ? Number(trimmed) : undefined;
    }
    default:
      return text.trim() === '' ? undefined : text.trim();
  }
}
