import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { UNATTRIBUTED } from './brackets.ts';
import type { DraftDocument } from './model.ts';
import { redline as computeRedline, type RedlineOptions, type UnitChange } from './redline.ts';
import { documentView, redlineView, type DraftView } from './view.ts';
import { InlineWriter, splitHeading } from './akn-inline.ts';
import type { AknMeta } from './akn-meta.ts';
import { AknNesting } from './akn-nesting.ts';

export type { AknMeta };

export const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0';

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML): a `bill` holding the draft, FRBR identification of the
 * version, parties as `TLCOrganization`, articles and annexes with `num`, `heading` and
 * paragraphs. Each bracket is a `span` referring to its party; the alternatives of a choice,
 * and UN-style adjacent brackets, carry `alternativeTo`. With `against`, the text is the redline
 * from that earlier version, with `ins` and `del`.
 */
export function toAkn(
  document: DraftDocument,
  meta: AknMeta,
  against?: DraftDocument,
  options: RedlineOptions = {},
): string {
  const view = against
    ? redlineView(against, document, computeRedline(against, document, options))
    : documentView(document);
  const country = meta.country ?? 'un';
  const language = meta.language ?? 'eng';
  // Akoma Ntoso naming convention: the Work (`/akn/country/doctype/date/number`) is the treaty,
  // the same across its versions, dated by its first version; the Expression adds the language
  // and the version (`eng@v2`), and the Manifestation the format (`.akn`).
  const workDate = meta.workDate ?? meta.date;
  const work = `/akn/${country}/bill/${workDate}/${meta.documentId}`;
  const expression = `${work}/${language}@${meta.versionId}${meta.against ? `-redline-${meta.against.versionId}` : ''}`;
  const author = `#${meta.author}`;

  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele(AKN_NAMESPACE, 'akomaNtoso');
  const bill = root.ele('bill', {
    name: meta.documentId,
    contains: against ? 'multipleVersions' : 'originalVersion',
  });
  const metaNode = bill.ele('meta');
  const identification = metaNode.ele('identification', { source: '#parley' });
  const frbr = (name: string, uri: string, extra: (node: XMLBuilder) => void) => {
    const node = identification.ele(name);
    node.ele('FRBRthis', { value: `${uri}/!main` });
    node.ele('FRBRuri', { value: uri });
    node.ele(
      'FRBRdate',
      name === 'FRBRWork'
        ? { date: workDate, name: 'first-draft' }
        : { date: meta.date, name: name === 'FRBRManifestation' ? 'generation' : 'draft' },
    );
    node.ele('FRBRauthor', { href: author });
    extra(node);
  };
  frbr('FRBRWork', work, (node) => node.ele('FRBRcountry', { value: country }));
  frbr('FRBRExpression', expression, (node) => node.ele('FRBRlanguage', { language }));
  frbr('FRBRManifestation', `${expression}.akn`, () => {});

  const references = metaNode.ele('references', { source: '#parley' });
  references.ele('TLCOrganization', {
    eId: 'parley',
    href: '/akn/ontology/organizations/parley',
    showAs: 'Parley',
  });
  const parties = new Map(meta.parties.map((p) => [p.id, p.name]));
  for (const party of partiesUsed(view, meta)) {
    references.ele('TLCOrganization', {
      eId: party,
      href: `/akn/ontology/organizations/${party}`,
      showAs: parties.get(party) ?? (party === UNATTRIBUTED ? 'not attributed' : party),
    });
  }
  for (const status of ['agreed', 'bracketed', 'deferred', 'dropped']) {
    references.ele('TLCConcept', {
      eId: `status-${status}`,
      href: `/akn/ontology/concepts/parley/status/${status}`,
      showAs: status,
    });
  }
  for (const issue of meta.issues ?? []) {
    references.ele('TLCConcept', {
      eId: `issue-${issue.id}`,
      href: `/akn/ontology/concepts/parley/issue/${issue.id}`,
      showAs: issue.title,
    });
  }
  if (meta.reconstruction || document.tags.reconstruction || against?.tags.reconstruction) {
    const notes = metaNode.ele('notes', { source: '#parley' });
    notes
      .ele('note', { eId: 'reconstruction' })
      .ele('p')
      .txt('Reconstruction: this text is rebuilt from reports of the draft, not the original.');
  }

  bill
    .ele('preface')
    .ele('p')
    .ele('docTitle')
    .txt(document.title || meta.documentId);
  const writer = new InlineWriter(meta, Boolean(against));
  let preamble: XMLBuilder | undefined;
  let body: XMLBuilder | undefined;
  let container: XMLBuilder | undefined;
  let containerId = '';
  const eIds = new Set<string>();
  const uniqueEId = (base: string) => {
    let eId = base;
    for (let n = 2; eIds.has(eId); n++) eId = `${base}_${n}`;
    eIds.add(eId);
    return eId;
  };
  const nesting = new AknNesting(uniqueEId, document, against);
  view.changes.forEach((change, index) => {
    // Brackets may span paragraphs, never headings.
    if (change.unit === 'heading') writer.endSection();
    if (change.sectionKind === 'preamble') {
      if (change.unit === 'heading') return;
      preamble ??= bill.ele('preamble');
      writer.write(preamble.ele('p', writer.unitAttributes(change)), change);
      return;
    }
    body ??= bill.ele('body');
    if (change.unit === 'heading') {
      closeEmpty(container, nesting.count);
      const ref = change.b ?? change.a;
      const element = change.sectionKind === 'article' ? 'article' : 'hcontainer';
      const base =
        change.sectionKind === 'article'
          ? `art_${eIdPart(ref?.num ?? ref?.id ?? 'x')}`
          : eIdPart(ref?.id ?? 'section');
      containerId = uniqueEId(base);
      container = body.ele(element, {
        eId: containerId,
        ...(element === 'hcontainer' ? { name: change.sectionKind } : {}),
        ...writer.unitAttributes(change),
      });
      // `Article 3.` goes to <num> and the rest to <heading>, each keeping its own changes.
      const [numberPart, headingPart] = splitHeading(change);
      if (headingPart.segments.length !== change.segments.length || numberPart.segments.length) {
        writer.write(container.ele('num'), numberPart);
      } else if (ref?.num)
        container.ele('num').txt(`${change.sectionKind === 'annex' ? 'Annex' : 'Article'} ${ref.num}`);
      writer.write(container.ele('heading'), headingPart);
      nesting.reset(container, containerId);
      return;
    }
    if (!container) {
      containerId = uniqueEId('untitled');
      container = body.ele('hcontainer', { eId: containerId, name: 'section' });
      nesting.reset(container, containerId);
    }
    const paragraph = nesting.place(change, writer.unitAttributes(change));
    writeNum(paragraph, change);
    // A unit with units nested in it (the next one is deeper) holds its own words in `intro`.
    const next = view.changes[index + 1];
    const holdsNested = next?.unit === 'paragraph' && nesting.depth(next) > nesting.depth(change);
    writer.write(paragraph.ele(holdsNested ? 'intro' : 'content').ele('p'), change);
  });
  closeEmpty(container, nesting.count);
  if (!body) bill.ele('body').ele('hcontainer', { eId: 'empty', name: 'empty' }).ele('content').ele('p');
  return indentBlocks(root.end({ prettyPrint: false }));
}

// Elements whose content is mixed (text and inline markup): whitespace inside them is text.
const MIXED = new Set(['p', 'heading', 'num', 'docTitle', 'span', 'ins', 'del']);

/**
 * Puts each block element on its own indented line. A generic pretty-printer would also indent
 * inside paragraphs and so change their text; this one leaves mixed content exactly as written.
 */
function indentBlocks(xml: string): string {
  let out = '';
  let depth = 0;
  let mixedDepth = 0;
  let last = 0;
  for (const match of xml.matchAll(/<(\/?)([A-Za-z][\w:.-]*)[^>]*?(\/?)>/g)) {
    const [tag, closing, name, selfClosing] = match;
    out += xml.slice(last, match.index);
    last = match.index + tag.length;
    const mixed = MIXED.has(name as string);
    if (closing) {
      depth--;
      if (mixed) mixedDepth--;
      else if (mixedDepth === 0) out += `\n${'  '.repeat(depth)}`;
      out += tag;
      continue;
    }
    if (mixedDepth === 0) out += `\n${'  '.repeat(depth)}`;
    out += tag;
    if (!selfClosing) {
      depth++;
      if (mixed) mixedDepth++;
    }
  }
  return `${out}${xml.slice(last)}\n`;
}

/**
 * A paragraph's number, marked as its text is: inside `del` for a deleted paragraph, `ins` for an
 * inserted one, and old `del` beside new `ins` when a kept paragraph was renumbered.
 */
function writeNum(paragraph: XMLBuilder, change: UnitChange): void {
  const before = change.op === 'inserted' ? undefined : change.a?.num;
  const after = change.op === 'deleted' ? undefined : change.b?.num;
  if (!before && !after) return;
  const num = paragraph.ele('num');
  if (before === after) num.txt(before as string);
  else {
    if (before) num.ele('del').txt(before);
    if (after) num.ele('ins').txt(after);
  }
}

/** An article with no paragraphs still needs a content element to be valid. */
function closeEmpty(container: XMLBuilder | undefined, paragraphs: number): void {
  if (container && paragraphs === 0) container.ele('content').ele('p');
}

function eIdPart(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]+/g, '_');
}

function partiesUsed(view: DraftView, meta: AknMeta): string[] {
  // Only the parties this text names: the author and whoever holds a bracket.
  const parties = new Set<string>([meta.author]);
  for (const change of view.changes) {
    for (const token of [...change.aTokens, ...change.bTokens]) {
      if (token.kind === 'open' || token.kind === 'alt') parties.add(token.party ?? UNATTRIBUTED);
    }
  }
  return [...parties].sort();
}
