import { ParleyError } from '@parley/model/errors.ts';
import {
  optionLabels,
  parseGeniusDomain,
  parseGeniusProfile,
  type GeniusDomain,
} from '../genius/genius-xml.ts';
import {
  childrenNamed,
  numberAttribute,
  parseXmlDocument,
  type XmlDocument,
  type XmlElement,
} from '../genius/xml-document.ts';
import type {
  InteractingDomain,
  InteractingProfile,
  RectangleBound,
  RectangleTerm,
} from './interacting-utility.ts';

/**
 * GENIUS non-linear (ANAC 2014) preference profiles, read from the published format:
 *
 *   <utility_space type="nonlinear"> … <utility maxutility="M">
 *     <ufun type="PlainUfun" weight="w" aggregation="sum">
 *       <hyperRectangle utility="v" [weight="r"]> <INCLUDES index="i" min="a" max="b"/> … </hyperRectangle>
 *       (or EXCLUDES bounds; nested <ufun> elements are summed too)
 *
 * As GENIUS evaluates a bid: an INCLUDES rectangle pays v × r when every bounded integer issue lies
 * in [a, b]; an EXCLUDES rectangle pays v × r when some bounded issue lies outside its [a, b]; a
 * rectangle with no bound always pays; a ufun multiplies the sum of its rectangles and inner ufuns
 * by its weight; the utility is min(1, total / M). The reservation value and discount factor are
 * read as for linear profiles. Bounds name issues by their `index` and must bound integer issues.
 */

export interface NonLinearProfileInfo {
  file: string;
  maxUtility: number;
  rectangles: number;
  reservationValue: number;
  reservationDefaulted: boolean;
  discountFactor?: number;
  warnings: string[];
}

/** Whether a profile text is a non-linear GENIUS space (type="nonlinear" or hyper-rectangles). */
export function isNonLinearProfile(text: string): boolean {
  return /<utility_space\b[^>]*\btype\s*=\s*["']nonlinear["']/i.test(text) || /<hyperRectangle\b/.test(text);
}

const find = (e: XmlElement, name: string): XmlElement | undefined =>
  e.name === name ? e : e.children.map((c) => find(c, name)).find(Boolean);

export function parseNonLinearProfile(
  text: string,
  file: string,
  domain: GeniusDomain,
  id: string,
): { profile: InteractingProfile; info: NonLinearProfileInfo } {
  const doc: XmlDocument = parseXmlDocument(text, file);
  const space = find(doc.root, 'utility_space') ?? doc.root;
  const utility = find(space, 'utility');
  if (!utility)
    doc.fail(space, 'a non-linear profile needs a <utility maxutility=…> element holding its <ufun>');
  const maxUtility = numberAttribute(doc, utility, 'maxutility');
  if (!(maxUtility > 0)) doc.fail(utility, `maxutility="${utility.attributes.maxutility}" must be positive`);
  const root = childrenNamed(utility, 'ufun')[0];
  if (!root) doc.fail(utility, '<utility> holds no <ufun>');
  const terms: RectangleTerm[] = [];
  let constant = 0;
  const warnings: string[] = [];
  const at = (e: XmlElement) => `${file}:${e.line}:${e.column}`;
  const optionalNumber = (e: XmlElement, name: string, fallback: number) =>
    e.attributes[name] === undefined ? fallback : numberAttribute(doc, e, name);

  const readUfun = (ufun: XmlElement, factor: number): void => {
    const aggregation = (ufun.attributes.aggregation ?? 'sum').trim().toLowerCase();
    if (aggregation !== 'sum')
      doc.fail(
        ufun,
        `<ufun aggregation="${ufun.attributes.aggregation}">: Parley reads sum aggregation only`,
      );
    const weight = factor * optionalNumber(ufun, 'weight', 1);
    for (const rect of childrenNamed(ufun, 'hyperRectangle')) {
      const raw = rect.attributes.utility !== undefined ? 'utility' : 'utility_function';
      if (rect.attributes[raw] === undefined) doc.fail(rect, '<hyperRectangle> lacks the attribute utility');
      const value = weight * numberAttribute(doc, rect, raw) * optionalNumber(rect, 'weight', 1);
      const includes = childrenNamed(rect, 'INCLUDES');
      const excludes = childrenNamed(rect, 'EXCLUDES');
      if (includes.length > 0 && excludes.length > 0)
        doc.fail(
          rect,
          '<hyperRectangle> mixes INCLUDES and EXCLUDES bounds; GENIUS reads one kind per rectangle',
        );
      const bounds: RectangleBound[] = [];
      let empty = false;
      for (const b of [...includes, ...excludes]) {
        const index = numberAttribute(doc, b, 'index');
        const issue = domain.issues.findIndex((i) => i.index === index);
        if (issue < 0) doc.fail(b, `<${b.name}> bounds issue ${index}, which is not in the domain`);
        const spec = domain.issues[issue]!;
        if (spec.kind !== 'integer')
          doc.fail(
            b,
            `<${b.name}> bounds issue "${spec.name}", which is not an integer issue (GENIUS bounds integer issues only)`,
          );
        const min = numberAttribute(doc, b, 'min');
        const max = numberAttribute(doc, b, 'max');
        const lo = Math.max(0, Math.ceil(min) - spec.lower);
        const hi = Math.min(spec.upper - spec.lower, Math.floor(max) - spec.lower);
        if (lo > hi) empty = true;
        else if (lo > 0 || hi < spec.upper - spec.lower) bounds.push({ issue, lo, hi });
      }
      const source = at(rect);
      if (excludes.length > 0) {
        // Pays unless the package is inside the box: v − v × [inside].
        constant += value;
        if (!empty) terms.push({ value: -value, bounds, source });
      } else if (empty)
        warnings.push(`${source}: this rectangle's bounds hold for no package, so it never pays`);
      else if (bounds.length === 0) constant += value;
      else terms.push({ value, bounds, source });
    }
    for (const inner of childrenNamed(ufun, 'ufun')) readUfun(inner, weight);
  };
  readUfun(root, 1);
  const reservation = find(space, 'reservation');
  const discount = find(space, 'discount_factor');
  const reservationValue = reservation ? numberAttribute(doc, reservation, 'value') : 0;
  if (reservation && (reservationValue < 0 || reservationValue > 1))
    doc.fail(reservation, `the reservation value ${reservationValue} is outside [0, 1]`);
  const discountFactor = discount ? numberAttribute(doc, discount, 'value') : undefined;
  if (discountFactor !== undefined && !(discountFactor > 0 && discountFactor <= 1))
    doc.fail(discount!, `the discount factor ${discountFactor} is outside (0, 1]`);
  return {
    profile: {
      id,
      role: 'party',
      constant,
      scores: domain.issues.map((issue) => optionLabels(issue).map(() => 0)),
      terms,
      scale: 1 / maxUtility,
      cap: 1,
      reservationValue,
    },
    info: {
      file,
      maxUtility,
      rectangles: terms.length,
      reservationValue,
      reservationDefaulted: !reservation,
      discountFactor,
      warnings,
    },
  };
}

export interface ImportedInteracting {
  domain: GeniusDomain;
  interacting: InteractingDomain;
  profiles: NonLinearProfileInfo[];
}

/**
 * A GENIUS domain with profiles of either kind: non-linear profiles as read above, linear
 * additive ones as genius-xml.ts reads them (weights as written, utilities capped at 1).
 */
export function importInteractingGenius(
  domainFile: { text: string; file: string },
  profileFiles: { text: string; file: string }[],
  options: { normalizeWeights?: boolean } = {},
): ImportedInteracting {
  const domain = parseGeniusDomain(domainFile.text, domainFile.file);
  if (profileFiles.length === 0)
    throw new ParleyError('usage', 'give a GENIUS domain file and at least one profile file');
  const read = profileFiles.map(({ text, file }, k) => {
    const id = `${k + 1}:${file
      .split(/[\\/]/)
      .pop()!
      .replace(/\.xml$/i, '')}`;
    if (isNonLinearProfile(text)) return parseNonLinearProfile(text, file, domain, id);
    const linear = parseGeniusProfile(text, file, domain, options);
    const scale = options.normalizeWeights ? 1 / linear.weightSum : 1;
    return {
      profile: {
        id,
        role: 'party' as const,
        constant: 0,
        scores: linear.evaluations.map((row, i) => row.map((e) => linear.weights[i]! * e)),
        terms: [],
        scale,
        cap: options.normalizeWeights ? undefined : 1,
        reservationValue: linear.reservationValue,
      },
      info: {
        file,
        maxUtility: 1 / scale,
        rectangles: 0,
        reservationValue: linear.reservationValue,
        reservationDefaulted: linear.reservationDefaulted,
        discountFactor: linear.discountFactor,
        warnings: linear.warnings,
      },
    };
  });
  return {
    domain,
    interacting: {
      issues: domain.issues.map((issue) => ({ name: issue.name, options: optionLabels(issue) })),
      profiles: read.map((r) => r.profile),
    },
    profiles: read.map((r) => r.info),
  };
}

/**
 * GENIUS XML for an interacting domain whose issues are integer ranges (labels "lower".."upper",
 * consecutive) and whose profiles have no additive part: the domain file and one profile per
 * party, in the format read above (for tests and the benchmark's generated domains).
 */
export function interactingToGeniusXml(
  domain: InteractingDomain,
  name = 'generated',
): { domain: string; profiles: string[] } {
  const issues = domain.issues
    .map((issue, i) => {
      const lower = Number(issue.options[0]);
      const upper = Number(issue.options[issue.options.length - 1]);
      return `    <issue index="${i + 1}" name="${issue.name}" type="integer" etype="integer" vtype="integer" lowerbound="${lower}" upperbound="${upper}"/>`;
    })
    .join('\n');
  const objective = (inner: string) =>
    `  <objective index="0" name="${name}" type="objective" etype="objective">\n${issues}\n${inner}  </objective>\n`;
  const profiles = domain.profiles.map((p) => {
    if (p.scores.some((row) => row.some((s) => s !== 0)))
      throw new ParleyError('usage', `${p.id}: GENIUS non-linear profiles have no additive part`);
    const lowerOf = (issue: number) => Number(domain.issues[issue]!.options[0]);
    const rects = p.terms
      .map(
        (t) =>
          `        <hyperRectangle utility="${t.value}">\n${t.bounds
            .map(
              (b) =>
                `          <INCLUDES index="${b.issue + 1}" min="${lowerOf(b.issue) + b.lo}" max="${lowerOf(b.issue) + b.hi}"/>`,
            )
            .join('\n')}\n        </hyperRectangle>`,
      )
      .concat(p.constant !== 0 ? [`        <hyperRectangle utility="${p.constant}"/>`] : [])
      .join('\n');
    const utility = `    <utility maxutility="${1 / p.scale}">\n      <ufun type="PlainUfun" weight="1" aggregation="sum">\n${rects}\n      </ufun>\n    </utility>\n`;
    return `<?xml version="1.0" encoding="UTF-8"?>\n<utility_space type="nonlinear">\n${objective(utility)}  <reservation value="${p.reservationValue}"/>\n  <discount_factor value="1"/>\n</utility_space>\n`;
  });
  return {
    domain: `<?xml version="1.0" encoding="UTF-8"?>\n<utility_space type="nonlinear">\n${objective('')}</utility_space>\n`,
    profiles,
  };
}
