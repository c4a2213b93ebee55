import type { Case } from '@parley/model/case.ts';

/** What a valid case holds, in one line: `valid — 4 actors, 2 rounds, …`. */
export function validSummary(c: Case): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return (
    `valid — ${count(c.actors.length, 'actor')}, ${count(c.rounds.length, 'round')}, ` +
    `${count(c.events.length, 'event')}, ${count(c.issues.length, 'issue')}, ${count(c.positions.length, 'position')}, ` +
    `${count(c.claims.length, 'claim')}, ${count(c.sources.length, 'source')}, ` +
    `${count(Object.keys(c.draftTexts).length, 'draft version')}`
  );
}
