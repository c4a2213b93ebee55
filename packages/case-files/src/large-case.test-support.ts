// Test support: a large invented case built in memory from a seed, with every kind of record,
// for tests of what reads and writes whole cases (case folders, a database export). The same
// seed and size always give the same case; every one is valid (validateCase finds nothing).
import { draftKey, type Case } from '@parley/model/case.ts';
import { formatDiagnostic } from '@parley/model/diagnostic.ts';
import { parseCase } from '@parley/model/parse-case.ts';
import type { Actor } from '@parley/model/schema/actors.ts';
import type { AnalystModel, IssueValuation, StakeholderModel } from '@parley/model/schema/analyst-model.ts';
import type { Claim, Proposition } from '@parley/model/schema/claims.ts';
import type { DraftDocument, DraftVersion } from '@parley/model/schema/drafts.ts';
import type { CaseEvent } from '@parley/model/schema/events.ts';
import type { GuaranteesFile } from '@parley/model/schema/guarantee.ts';
import type { Issue } from '@parley/model/schema/issues.ts';
import type { Position } from '@parley/model/schema/positions.ts';
import type { Role } from '@parley/model/schema/roles.ts';
import type { Round } from '@parley/model/schema/rounds.ts';
import type { Source } from '@parley/model/schema/sources.ts';
import { SeededRandom } from '@parley/core/random/seeded-random.ts';
import { validateCase } from '@parley/app/validate/validate-case.ts';

export interface LargeCaseSize {
  positions: number;
  claims: number;
}

/** The parties that bargain, the states asked to guarantee, and the council with its vetoes. */
const parties = ['state-1', 'state-2', 'state-3', 'state-4'];
const guarantors = ['state-5', 'state-6'];
const council = 'security-council';
const SOURCES = 40;
const EVENTS = 30;
const ROUNDS = 12;

/**
 * Text that YAML must quote or keep in a block to read back as the same string: a writer that
 * gets one of them wrong fails the round trip.
 */
const awkwardTexts = [
  'yes',
  'null',
  '2031',
  '0x1F',
  '1e3',
  "it's: a colon, and a 'quote'",
  '# not a comment',
  '  leading and trailing spaces  ',
  'two lines\nof text',
  'ends with a newline\n',
  '- looks like a list item',
  '[looks, like, a, list]',
  '{looks: like a map}',
  '"double" quotes and a tab\there',
  'Ünïcödé — “typographic” quotes, 中文 and an emoji 🕊',
  '*not-an-alias &not-an-anchor !not-a-tag',
  '@at the start, % too',
];

/**
 * A case with `size.positions` positions and `size.claims` claims (one proposition per ten
 * claims), and a fixed frame around them: 4 parties, 2 guarantor states, 40 sources, 30 events,
 * 12 rounds, issues of every kind, three documents with versions and bracketed texts,
 * guarantees and an analyst's model with stakeholders, grids, packages and scenarios. Text
 * fields now and then hold awkward YAML (`yes`, `2031`, `a: b`, several lines). Returned as
 * the schemas give it back (defaults filled in), so it deep-equals the case read back from
 * anything that wrote it; throws if the case is not valid.
 */
export function largeCase(seed: number, size: LargeCaseSize): Case {
  const r = new SeededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[r.int(0, list.length - 1)]!;
  const chance = (p: number) => r.float() < p;
  const someOf = <T>(list: readonly T[], max: number): T[] => {
    const chosen = new Set<T>();
    const n = r.int(1, Math.min(max, list.length));
    while (chosen.size < n) chosen.add(pick(list));
    return [...chosen];
  };
  const prose = (words: number) => Array.from({ length: words }, () => pick(vocabulary)).join(' ') + '.';
  /** Mostly plain prose, sometimes awkward YAML. */
  const text = (words: number) => (chance(0.05) ? pick(awkwardTexts) : capitalise(prose(words)));

  const sourceIds = Array.from({ length: SOURCES }, (_, i) => `source-${i + 1}`);
  /** Cites source k (so that every source is cited by some record) and sometimes another. */
  const cite = (k: number) => {
    const first = sourceIds[k % SOURCES]!;
    const other = pick(sourceIds);
    return other === first || chance(0.5) ? [first] : [first, other];
  };

  const sources: Source[] = sourceIds.map((id, i) => ({
    id,
    title: `Report ${i + 1}: ${capitalise(prose(6))}`,
    ...(chance(0.6) ? { author: pick(['A. Analyst', 'B. Reporter', 'C. Scholar']) } : {}),
    ...(chance(0.6) ? { outlet: pick(['Valley Herald', 'Harbour Times', 'League Bulletin']) } : {}),
    ...(chance(0.8) ? { date: day(i * 9) } : {}),
    ...(chance(0.5) ? { url: `https://example.org/reports/${id}` } : {}),
    kind: pick([
      'analysis',
      'news-report',
      'opinion',
      'press-summary',
      'official-document',
      'interview',
      'primary-text',
    ] as const),
    reliability: pick(['high', 'medium', 'low'] as const),
    ...(chance(0.5) ? { note: text(10) } : {}),
  }));

  const heads = parties.map((p) => `head-of-${p}`);
  const delegates = parties.flatMap((p) => [1, 2, 3].map((k) => `delegate-${k}-of-${p}`));
  const actors: Actor[] = [
    ...[...parties, ...guarantors].map((id, i): Actor => ({
      id,
      kind: 'state',
      name: `Republic of ${capitalise(id)}`,
      sources: cite(i),
    })),
    { id: 'league', kind: 'organisation', name: 'Harbour League', sources: cite(6) },
    {
      id: council,
      kind: 'organisation',
      name: 'Security Council',
      description: text(12),
      sources: cite(7),
    },
    {
      id: 'envoy',
      kind: 'person',
      name: 'Lena Varo',
      affiliation: 'league',
      office: 'special envoy',
      sources: cite(8),
    },
    ...[...heads, ...delegates].map((id, i): Actor => ({
      id,
      kind: 'person',
      name: capitalise(id.replaceAll('-', ' ')),
      affiliation: id.slice(id.indexOf('state-')),
      ...(chance(0.5) ? { office: pick(['minister', 'ambassador', 'adviser']) } : {}),
      sources: cite(9 + i),
    })),
  ];
  const actorIds = actors.map((a) => a.id);

  const propositionCount = Math.max(1, Math.ceil(size.claims / 10));
  const propositions: Proposition[] = Array.from({ length: propositionCount }, (_, i) => ({
    id: `proposition-${i + 1}`,
    statement: text(12),
    ...(chance(0.5) ? { topic: pick(['guarantees', 'troops', 'monitoring', 'territory']) } : {}),
  }));
  const propositionIds = propositions.map((p) => p.id);
  const contested = () => (chance(0.1) ? { contestedBy: someOf(propositionIds, 2) } : {});

  const events: CaseEvent[] = Array.from({ length: EVENTS }, (_, i) => ({
    id: `event-${i + 1}`,
    date: i % 7 === 3 ? `${day(i * 11)}?` : day(i * 11),
    kind: pick(['military', 'political', 'diplomatic', 'humanitarian', 'statement'] as const),
    title: capitalise(prose(5)),
    ...(chance(0.5) ? { description: text(15) } : {}),
    actors: chance(0.2) ? [] : someOf([...parties, ...guarantors, 'league'], 3),
    ...contested(),
    sources: cite(i),
  }));

  const issues: Issue[] = [
    issue('dmz', 'boolean', 'military-limits'),
    issue('monitoring', 'choice', 'procedure', {
      options: [
        { id: 'joint-commission', label: 'A joint commission' },
        { id: 'league-observers', label: 'Observers of the League' },
        { id: 'no-monitoring', label: 'No monitoring' },
      ],
    }),
    issue('troop-ceiling', 'number', 'military-limits', { unit: 'troops' }),
    issue('buffer-width', 'number', 'territory', { unit: 'km' }),
    issue('guarantors', 'set', 'security-guarantees', { members: [...guarantors, council] }),
    issue('aid-forms', 'set', 'security-guarantees', { members: ['diplomatic', 'sanctions', 'weapons'] }),
    issue('amnesty', 'boolean', 'justice'),
    issue('language-status', 'choice', 'language', {
      options: [
        { id: 'official', label: 'An official language' },
        { id: 'regional', label: 'A regional language' },
      ],
    }),
    issue('preamble-wording', 'text', 'other'),
  ];
  function issue(id: string, kind: Issue['kind'], category: Issue['category'], extra = {}): Issue {
    return {
      id,
      title: capitalise(id.replaceAll('-', ' ')),
      kind,
      category,
      ...(chance(0.5) ? { description: text(10) } : {}),
      ...extra,
      sources: cite(id.length),
    };
  }

  // Drafts: each document's versions chain on their basis, dates rising.
  const drafts: DraftDocument[] = [
    draftDocument('accord', 'Accord on the valley', 'treaty', 4, 20),
    draftDocument('communique', 'Joint communiqué', 'communique', 2, 120),
    draftDocument('force-annex', 'Annex on forces', 'annex', 3, 200),
  ];
  function draftDocument(
    id: string,
    title: string,
    kind: DraftDocument['kind'],
    count: number,
    start: number,
  ) {
    const versions = Array.from({ length: count }, (_, k): DraftVersion => ({
      id: `v${k + 1}`,
      date: day(start + k * 30),
      ...(chance(0.5) ? { title: `${title}, version ${k + 1}` } : {}),
      author: k === count - 1 ? 'joint' : pick(parties),
      ...(k > 0 ? { basis: `v${k}` } : {}),
      status: k === count - 1 ? 'working-draft' : 'superseded',
      text: `drafts/${id}/v${k + 1}.txt`,
      reconstruction: chance(0.5),
      ...(chance(0.3) && size.claims > 0 ? { initialledBy: [`claim-${r.int(1, size.claims)}`] } : {}),
      ...(chance(0.5) ? { note: text(8) } : {}),
      sources: cite(start + k),
    }));
    return { id, title, kind, versions };
  }
  const versionKeys = drafts.flatMap((d) => d.versions.map((v) => draftKey(d.id, v.id)));
  const draftTexts = Object.fromEntries(
    drafts.flatMap((d) => d.versions.map((v, k) => [draftKey(d.id, v.id), draftText(d.title, k)])),
  );
  function draftText(title: string, k: number): string {
    const a = pick(parties);
    const b = pick(parties.filter((p) => p !== a));
    return `# ${title}: version ${k + 1}
@reconstruction: true
@sources: ${pick(sourceIds)}
@note: An invented text for tests.

## Preamble

The parties, wishing to keep the peace, have agreed as follows.
@status: agreed

## Article 1. Forces
@issues: troop-ceiling, buffer-width, dmz
@status: bracketed

1. Each party may keep up to {${a}: ${r.int(1, 40) * 100} | ${b}: ${r.int(1, 40) * 100}} troops in the valley.

2. [${a}: No forces shall enter a zone of ${r.int(1, 20)} kilometres on either bank.]

## Article 2. Monitoring
@issues: monitoring
@sources: ${pick(sourceIds)}

1. {${a}: A joint commission | ${b}: Observers of the League} shall monitor this Accord.

## Article 3. Guarantee
@issues: guarantors, aid-forms

1. [${b}: The guarantors shall help a party that is attacked.] They shall consult within ${r.int(2, 14)} days.
@status: bracketed
`;
  }

  const rounds: Round[] = Array.from({ length: ROUNDS }, (_, i) => ({
    id: `round-${i + 1}`,
    ...(chance(0.7) ? { number: i + 1 } : {}),
    name: `Round ${i + 1}`,
    date: i % 4 === 1 ? `${day(i * 25)}/${day(i * 25 + 2)}` : day(i * 25),
    venue: pick(['Port Saline', 'video link', 'League headquarters']),
    format: pick(['in-person', 'video', 'shuttle', 'phone', 'mixed'] as const),
    delegations: parties.slice(0, r.int(0, 4)).map((party, k) => ({
      party,
      ...(chance(0.7) ? { head: heads[k]! } : {}),
      members: delegates.filter((d) => d.endsWith(party)).slice(0, r.int(0, 3)),
    })),
    hosts: chance(0.5) ? ['league'] : [],
    mediators: chance(0.7) ? ['envoy'] : [],
    outcome: text(12),
    documents: chance(0.5) ? [pick(versionKeys)] : [],
    ...contested(),
    sources: cite(i + 3),
  }));
  const roundIds = rounds.map((x) => x.id);

  const roles: Role[] = [
    ...parties.map((actor, i): Role => ({ id: `${actor}-party`, actor, role: 'party', sources: cite(i) })),
    ...heads.map((actor, i): Role => ({
      id: `${actor}-head`,
      actor,
      role: 'delegation-head',
      for: parties[i]!,
      from: day(i * 10),
      to: day(200 + i * 10),
      ...contested(),
      sources: cite(i + 20),
    })),
    ...delegates.map((actor, i): Role => ({
      id: `${actor}-member`,
      actor,
      role: 'delegation-member',
      for: actor.slice(actor.indexOf('state-')),
      ...(chance(0.4) ? { rounds: someOf(roundIds, 3) } : {}),
      sources: cite(i + 24),
    })),
    ...guarantors.map((actor, i): Role => ({
      id: `${actor}-guarantor`,
      actor,
      role: 'prospective-guarantor',
      for: parties[0]!,
      note: text(8),
      sources: cite(i + 36),
    })),
    { id: 'envoy-mediator', actor: 'envoy', role: 'mediator', from: day(5), sources: cite(38) },
    { id: 'league-host', actor: 'league', role: 'host', rounds: roundIds.slice(0, 3), sources: cite(39) },
    { id: 'league-facilitator', actor: 'league', role: 'facilitator', sources: cite(1) },
    { id: 'council-stakeholder', actor: council, role: 'external-stakeholder', sources: cite(2) },
    { id: 'envoy-commentator', actor: 'envoy', role: 'commentator', to: day(300), sources: cite(3) },
  ];

  const claims: Claim[] = Array.from({ length: size.claims }, (_, i) => {
    const claimant = pick(actorIds);
    const inferred = chance(0.1);
    const withOthers = chance(0.1) ? someOf(actorIds, 2).filter((a) => a !== claimant) : [];
    return {
      id: `claim-${i + 1}`,
      proposition: propositionIds[i % propositionCount]!,
      stance: chance(0.6) ? 'supports' : 'disputes',
      ...(chance(0.2) ? { value: chance(0.5) ? r.int(100, 5000) : day(r.int(0, 360)) } : {}),
      claimant,
      ...(withOthers.length > 0 ? { with: withOthers } : {}),
      asserted: day(r.int(0, 360)),
      summary: text(14),
      ...(chance(0.2) ? { quote: prose(r.int(3, 20)) } : {}),
      sources: cite(i),
      ...(inferred
        ? { basis: 'inferred' as const, reasoning: text(10) }
        : chance(0.1)
          ? { basis: 'stated' as const }
          : {}),
    };
  });

  const positions: Position[] = Array.from({ length: size.positions }, (_, i) => {
    const on = issues[i % issues.length]!;
    return {
      id: `position-${i + 1}`,
      party: pick(parties),
      issue: on.id,
      date: day(r.int(0, 360)),
      ...positionValue(on),
      status: pick(['proposed', 'accepted', 'rejected', 'withdrawn'] as const),
      confidence: pick(['high', 'medium', 'low'] as const),
      ...(chance(0.2) ? { document: pick(versionKeys) } : {}),
      ...(chance(0.2) ? { note: text(8) } : {}),
      ...contested(),
      sources: cite(i),
    };
  });
  function positionValue(on: Issue): Partial<Position> {
    switch (on.kind) {
      case 'boolean':
        return { value: chance(0.5), ...(chance(0.3) ? { redLine: chance(0.5) } : {}) };
      case 'choice': {
        const ids = on.options!.map((o) => o.id);
        return { value: pick(ids), ...(chance(0.3) ? { redLine: pick(ids) } : {}) };
      }
      case 'number': {
        const value = r.int(1, 40) * 50;
        const unit = chance(0.5) ? { unit: on.unit! } : {};
        if (chance(0.3)) return { range: { min: value, max: value + r.int(0, 20) * 50 }, ...unit };
        return {
          value: chance(0.2) ? value + 0.25 : value,
          ...(chance(0.3) ? { redLine: chance(0.5) ? value * 2 : { min: value / 2 } } : {}),
          ...unit,
        };
      }
      case 'set':
        return { value: chance(0.1) ? [] : someOf(on.members!, 3) };
      case 'text':
        return { value: text(10) };
    }
  }

  const guarantees: GuaranteesFile = {
    instruments: [
      {
        id: 'accord-guarantee',
        title: 'Accord, Article 3',
        date: drafts[0]!.versions.at(-1)!.date,
        wordingOf: parties[1]!,
        guaranteedState: parties[0]!,
        guarantors: [...guarantors],
        disputedGuarantors: [
          { actor: parties[2]!, proposedBy: parties[1]!, opposedBy: [parties[0]!], sources: cite(4) },
        ],
        triggers: ['armed-attack', 'nuclear-threat'],
        requiresRequest: true,
        excludes: ['north-islands'],
        consultation: { triggers: ['armed-attack'], days: 7, withGuaranteedState: true },
        decisionRule: 'individual',
        obligation: 'must-act',
        assistance: ['diplomatic', 'weapons'],
        issues: ['guarantors', 'aid-forms'],
        provisions: [
          {
            id: 'art-3-1',
            draft: versionKeys.at(-1)!,
            label: 'Art. 3 para. 1',
            summary: text(10),
            covers: ['guarantors', 'triggers', 'consultation'],
          },
          {
            id: 'art-3-2',
            label: 'Art. 3 para. 2',
            summary: text(10),
            covers: ['scope', 'decision-rule', 'obligation', 'assistance'],
          },
        ],
        interpretation: { assumption: true, rationale: text(10) },
        notes: text(10),
        sources: cite(5),
      },
      {
        id: 'council-guarantee',
        title: 'Communiqué, point 5',
        date: day(130),
        guaranteedState: parties[1]!,
        guarantors: [guarantors[0]!],
        triggers: ['threat-of-attack'],
        requiresRequest: false,
        decisionRule: 'unsc',
        obligation: 'seek-unsc-action',
        council,
        assistance: [],
        provisions: [
          {
            id: 'point-5',
            label: 'Point 5',
            summary: text(10),
            covers: ['guarantors', 'triggers', 'scope', 'decision-rule', 'obligation', 'assistance'],
          },
        ],
        sources: cite(6),
      },
    ],
    places: [
      { id: 'north-coast', name: 'North coast', of: parties[0]!, description: text(6), sources: cite(7) },
      { id: 'north-islands', name: 'North islands', of: parties[0]!, partOf: 'north-coast' },
    ],
    councils: [{ id: council, name: 'Security Council', vetoHolders: [...guarantors], sources: cite(8) }],
    willingness: guarantors.map((g, i) => ({
      id: `${g}-for-${parties[0]}`,
      guarantors: [g],
      guaranteedState: parties[0]!,
      ...(i === 1 ? { attackers: [parties[1]!, 'third-state'], instruments: ['accord-guarantee'] } : {}),
      levels: {
        consultation: 0.9,
        'unsc-request': 0.8,
        diplomatic: 0.7,
        sanctions: 0.5,
        weapons: 0.4,
        'no-fly-zone': 0.1,
        'armed-force': 0.05,
      },
      assumption: true as const,
      rationale: text(10),
      ...(i === 0 ? { sources: cite(9) } : {}),
    })),
    comparison: { attackers: [parties[1]!, 'third-state'], places: ['core', 'north-islands'] },
  };

  const reservationEvents = [events[0]!, events[10]!, events[20]!];
  const rationale = () => `Invented for tests: ${prose(6)}`;
  const weight = () => ({ value: r.int(1, 10) / 10, rationale: rationale() });
  const score = () => r.int(0, 100) / 100;
  const packages: AnalystModel['packages'] = {
    guarantors: [
      { id: 'both', label: 'Both guarantors', members: [...guarantors], sources: cite(10) },
      { id: 'first-only', label: 'The first alone', members: [guarantors[0]!] },
      { id: 'none', label: 'No guarantor', members: [] },
    ],
    'aid-forms': [
      { id: 'all-aid', label: 'Every form of aid', members: ['diplomatic', 'sanctions', 'weapons'] },
      { id: 'words-only', label: 'Diplomatic support only', members: ['diplomatic'] },
    ],
  };
  const model: AnalystModel = {
    status: 'assumption',
    summary: text(20),
    guarantorIssue: 'guarantors',
    grids: { 'troop-ceiling': { from: 0, to: 2000, step: 250 }, 'buffer-width': { points: [0, 5, 10, 20] } },
    packages,
    stakeholders: [
      ...parties.map((actor): StakeholderModel => ({
        actor,
        role: 'party',
        summary: text(10),
        issues: Object.fromEntries(issues.filter((x) => x.kind !== 'text').map((x) => [x.id, valuation(x)])),
        reservation: reservationEvents.map((e) => ({
          event: e.id,
          date: e.date,
          value: score(),
          rationale: rationale(),
        })),
      })),
      ...guarantors.map((actor): StakeholderModel => ({
        actor,
        role: 'guarantor',
        summary: text(10),
        issues: { dmz: valuation(issues[0]!), guarantors: valuation(issues[4]!) },
        reservation: [
          { event: events[0]!.id, date: events[0]!.date, value: score(), rationale: rationale() },
        ],
      })),
    ],
    scenarios: [
      {
        id: 'patient-parties',
        title: 'The parties wait',
        rationale: rationale(),
        sources: cite(11),
        overrides: [
          { assumption: `${parties[0]}.reservation.${events[10]!.id}`, value: 0.3 },
          { assumption: `${parties[1]}.dmz.weight`, value: 2, rationale: rationale() },
        ],
      },
      {
        id: 'keen-guarantor',
        title: 'A keen guarantor',
        rationale: rationale(),
        overrides: [{ assumption: `${guarantors[0]}.dmz.scores.yes`, value: 1 }],
      },
    ],
  };
  function valuation(on: Issue): IssueValuation {
    const w = weight();
    switch (on.kind) {
      case 'boolean':
        return { weight: w, scores: { value: { yes: score(), no: score() }, rationale: rationale() } };
      case 'choice':
        return {
          weight: w,
          scores: {
            value: Object.fromEntries(on.options!.map((o) => [o.id, score()])),
            rationale: rationale(),
          },
        };
      case 'number':
        return {
          weight: w,
          curve: {
            value: [
              [0, score()],
              [1000, score()],
              [2000, score()],
            ],
            rationale: rationale(),
          },
        };
      default: {
        const offered = packages[on.id]!;
        return chance(0.5)
          ? {
              weight: w,
              scores: {
                value: Object.fromEntries(offered.map((p) => [p.id, score()])),
                rationale: rationale(),
              },
            }
          : {
              weight: w,
              members: {
                value: Object.fromEntries(on.members!.map((m) => [m, r.int(-10, 10) / 10])),
                rationale: rationale(),
              },
            };
      }
    }
  }

  const built: Case = {
    meta: {
      id: `large-case-${seed}`,
      title: `A large invented case (seed ${seed})`,
      summary: `${size.positions} positions and ${size.claims} claims, generated for tests.`,
      period: '2030-01/2030-12',
      asOf: day(180),
      license: 'CC0-1.0 (generated)',
      method: awkwardTexts.join(' / '),
    },
    actors,
    roles,
    rounds,
    events,
    sources,
    propositions,
    claims,
    issues,
    positions,
    drafts,
    draftTexts,
    guarantees,
    model,
  };
  // Through the schemas, as a reader gives a case back: defaults filled in, fields in order.
  const parsed = parseCase(built);
  const problems = [...parsed.diagnostics, ...(parsed.records ? validateCase(parsed.records) : [])];
  if (!parsed.records || problems.length > 0)
    throw new Error(`largeCase(${seed}) is not valid:\n${problems.map(formatDiagnostic).join('\n')}`);
  return parsed.records;
}

/** Day `n` of 2030 (0 is 1 January), as an EDTF date. */
function day(n: number): string {
  return new Date(Date.UTC(2030, 0, 1 + n)).toISOString().slice(0, 10);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const vocabulary = [
  'the',
  'parties',
  'agree',
  'guarantee',
  'valley',
  'troops',
  'ceasefire',
  'monitor',
  'border',
  'league',
  'talks',
  'shall',
  'withdraw',
  'within',
  'days',
  'envoy',
  'draft',
  'text',
  'security',
  'council',
];
