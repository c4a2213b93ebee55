import type { GuaranteesFile, InstrumentAspect, Place, Willingness } from '@parley/model/schema/guarantee.ts';
import { uniqueIds } from '@parley/model/unique-ids.ts';
import { corePlace, thirdState } from './context.ts';

/** Ids the guarantee records may point at. Sources are checked by the case's generic citation walk. */
export interface GuaranteeIds {
  actors: Set<string>;
  sources: Set<string>;
  /** Draft versions as `document@version`. */
  drafts: Set<string>;
  issues: Set<string>;
  /** Places, councils and instruments defined in other files (the library) that this file may use. */
  places?: ReadonlyMap<string, Place>;
  councils?: Set<string>;
  instruments?: Set<string>;
}

export type GuaranteeReporter = (path: readonly (string | number)[], message: string) => void;

/** The most participants a compiled instrument supports (one bit each in a 32-bit mask). */
export const maxParticipants = 32;

/**
 * Cross-record rules of one guarantees file: every id resolves, instruments are coherent (a
 * council where a veto matters, a menu only where assistance is owed, a provision for every
 * aspect the explanation cites) and willingness entries never leave a tie.
 */
export function checkGuaranteeReferences(
  file: GuaranteesFile,
  ids: GuaranteeIds,
  report: GuaranteeReporter,
): void {
  const needActor = (id: string, path: (string | number)[], extra?: string) => {
    if (!ids.actors.has(id) && id !== extra) report(path, `unknown actor "${id}"`);
  };
  uniqueIds(file.instruments, report, 'instruments', 'instrument');
  uniqueIds(file.places ?? [], report, 'places', 'place');
  uniqueIds(file.councils ?? [], report, 'councils', 'council');
  uniqueIds(file.willingness ?? [], report, 'willingness', 'willingness entry');

  const places = new Map<string, Place>(ids.places ?? []);
  for (const p of file.places ?? []) places.set(p.id, p);
  const councils = new Map((file.councils ?? []).map((c) => [c.id, c]));
  const councilIds = new Set([...(ids.councils ?? []), ...councils.keys()]);

  (file.places ?? []).forEach((p, i) => {
    if (p.id === corePlace)
      report(
        ['places', i, 'id'],
        `"${corePlace}" is reserved for the core territory outside any named place`,
      );
    needActor(p.of, ['places', i, 'of']);
    if (p.partOf === undefined) return;
    const parent = places.get(p.partOf);
    if (!parent) report(['places', i, 'partOf'], `unknown place "${p.partOf}"`);
    else if (parent.of !== p.of)
      report(['places', i, 'partOf'], `"${p.partOf}" is territory of "${parent.of}", not of "${p.of}"`);
    const seen = new Set([p.id]);
    for (let q = parent; q?.partOf !== undefined; q = places.get(q.partOf)) {
      if (seen.has(q.partOf)) {
        report(['places', i, 'partOf'], `"${p.id}" lies inside itself (a cycle through "${q.partOf}")`);
        break;
      }
      seen.add(q.partOf);
    }
  });

  (file.councils ?? []).forEach((c, i) => {
    c.vetoHolders.forEach((v, k) => needActor(v, ['councils', i, 'vetoHolders', k]));
    duplicatesIn(c.vetoHolders, ['councils', i, 'vetoHolders'], 'veto holder', report);
  });

  file.instruments.forEach((inst, i) => {
    const at = (...rest: (string | number)[]) => ['instruments', i, ...rest];
    needActor(inst.guaranteedState, at('guaranteedState'));
    if (inst.wordingOf !== undefined) needActor(inst.wordingOf, at('wordingOf'));
    inst.guarantors.forEach((g, k) => {
      needActor(g, at('guarantors', k));
      if (g === inst.guaranteedState)
        report(at('guarantors', k), `"${g}" is the guaranteed state; a state cannot guarantee itself`);
    });
    duplicatesIn(inst.guarantors, at('guarantors'), 'guarantor', report);
    inst.disputedGuarantors?.forEach((d, k) => {
      needActor(d.actor, at('disputedGuarantors', k, 'actor'));
      needActor(d.proposedBy, at('disputedGuarantors', k, 'proposedBy'));
      d.opposedBy?.forEach((o, j) => needActor(o, at('disputedGuarantors', k, 'opposedBy', j)));
      if (inst.guarantors.includes(d.actor)) {
        report(at('disputedGuarantors', k, 'actor'), `"${d.actor}" is also listed as an agreed guarantor`);
      }
    });
    inst.excludes?.forEach((id, k) => {
      const place = places.get(id);
      if (!place) report(at('excludes', k), `unknown place "${id}"`);
      else if (place.of !== inst.guaranteedState) {
        report(
          at('excludes', k),
          `"${id}" is territory of "${place.of}", not of the guaranteed state "${inst.guaranteedState}"`,
        );
      }
    });

    const needsCouncil = inst.decisionRule === 'unsc' || inst.obligation === 'seek-unsc-action';
    if (needsCouncil && inst.council === undefined) {
      report(
        at('council'),
        'required with decisionRule "unsc" or obligation "seek-unsc-action": name the council whose vetoes matter',
      );
    } else if (!needsCouncil && inst.council !== undefined) {
      report(at('council'), 'only used with decisionRule "unsc" or obligation "seek-unsc-action"');
    } else if (inst.council !== undefined && !councilIds.has(inst.council)) {
      report(at('council'), `unknown council "${inst.council}"`);
    }
    const extraVeto =
      inst.decisionRule === 'unsc'
        ? (councils.get(inst.council ?? '')?.vetoHolders ?? []).filter((v) => !inst.guarantors.includes(v))
        : [];
    if (inst.guarantors.length + extraVeto.length > maxParticipants) {
      report(
        at('guarantors'),
        `at most ${maxParticipants} guarantors and veto holders together are supported`,
      );
    }

    const owesAssistance = inst.obligation === 'must-act' || inst.obligation === 'may-act';
    if (owesAssistance && inst.assistance.length === 0) {
      report(
        at('assistance'),
        `an instrument that says "${inst.obligation}" must name at least one assistance form`,
      );
    }
    if (!owesAssistance && inst.assistance.length > 0) {
      report(
        at('assistance'),
        `must be empty: an instrument that says "${inst.obligation}" owes no assistance forms`,
      );
    }
    duplicatesIn(inst.assistance, at('assistance'), 'assistance form', report);
    if (inst.obligation === 'consult-only' && !inst.consultation) {
      report(at('consultation'), 'required with obligation "consult-only"');
    }
    inst.issues?.forEach((id, k) => {
      if (!ids.issues.has(id)) report(at('issues', k), `unknown issue "${id}"`);
    });

    uniqueIds(inst.provisions, (path, m) => report(at(...path), m), 'provisions', 'provision');
    inst.provisions.forEach((p, k) => {
      if (p.draft !== undefined && !ids.drafts.has(p.draft))
        report(at('provisions', k, 'draft'), `unknown draft version "${p.draft}"`);
    });
    const needed: InstrumentAspect[] = [
      'guarantors',
      'triggers',
      'scope',
      'decision-rule',
      'obligation',
      'assistance',
    ];
    if (inst.consultation) needed.push('consultation');
    const covered = new Set(inst.provisions.flatMap((p) => p.covers));
    const uncovered = needed.filter((a) => !covered.has(a));
    if (uncovered.length > 0) {
      report(
        at('provisions'),
        `no provision covers ${uncovered.map((a) => `"${a}"`).join(', ')}: every step of an explanation must cite a clause`,
      );
    }
  });

  if (file.comparison) {
    const { attackers, places: columns } = file.comparison;
    attackers.forEach((a, k) => needActor(a, ['comparison', 'attackers', k], thirdState));
    duplicatesIn(attackers, ['comparison', 'attackers'], 'attacker', report);
    columns.forEach((id, k) => {
      if (id !== corePlace && !places.has(id)) report(['comparison', 'places', k], `unknown place "${id}"`);
    });
    duplicatesIn(columns, ['comparison', 'places'], 'place', report);
  }

  const instrumentIds = new Set([...(ids.instruments ?? []), ...file.instruments.map((x) => x.id)]);
  const willingness = file.willingness ?? [];
  willingness.forEach((w, i) => {
    const at = (...rest: (string | number)[]) => ['willingness', i, ...rest];
    needActor(w.guaranteedState, at('guaranteedState'));
    w.guarantors.forEach((g, k) => needActor(g, at('guarantors', k)));
    duplicatesIn(w.guarantors, at('guarantors'), 'guarantor', report);
    w.attackers?.forEach((a, k) => {
      needActor(a, at('attackers', k), thirdState);
      if (w.guarantors.includes(a)) {
        report(
          at('attackers', k),
          `"${a}" is also a guarantor here: a guarantor never acts against itself (its willingness against its own attack is 0 by construction)`,
        );
      }
      if (a === w.guaranteedState) report(at('attackers', k), `"${a}" is the guaranteed state itself`);
    });
    w.instruments?.forEach((id, k) => {
      if (!instrumentIds.has(id)) report(at('instruments', k), `unknown instrument "${id}"`);
    });
    for (let j = 0; j < i; j++) {
      const overlap = tie(willingness[j]!, w);
      if (overlap)
        report(
          at('id'),
          `ties with willingness[${j}] ("${willingness[j]!.id}") for ${overlap}: make one more specific or merge them`,
        );
    }
  });
}

/** Two entries tie when they are equally specific and could govern the same guarantor and scenario. */
function tie(a: Willingness, b: Willingness): string | undefined {
  if (a.guaranteedState !== b.guaranteedState) return undefined;
  if ((a.attackers === undefined) !== (b.attackers === undefined)) return undefined;
  if ((a.instruments === undefined) !== (b.instruments === undefined)) return undefined;
  const shared = a.guarantors.filter((g) => b.guarantors.includes(g));
  const attackers =
    a.attackers && b.attackers ? a.attackers.filter((x) => b.attackers!.includes(x)) : undefined;
  const instruments =
    a.instruments && b.instruments ? a.instruments.filter((x) => b.instruments!.includes(x)) : undefined;
  if (shared.length === 0 || attackers?.length === 0 || instruments?.length === 0) return undefined;
  const against = attackers ? ` against "${attackers[0]}"` : '';
  const under = instruments ? ` under "${instruments[0]}"` : '';
  return `"${shared[0]}" protecting "${a.guaranteedState}"${against}${under}`;
}

function duplicatesIn(
  values: readonly string[],
  path: (string | number)[],
  kind: string,
  report: GuaranteeReporter,
): void {
  values.forEach((v, k) => {
    if (values.indexOf(v) !== k) report([...path, k], `${kind} "${v}" is listed twice`);
  });
}
