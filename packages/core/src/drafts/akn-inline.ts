import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { UNATTRIBUTED } from './brackets.ts';
import type { Token, WordToken } from './model.ts';
import type { UnitChange } from './redline.ts';
import { pieces, spaceBefore } from './view.ts';
import { BracketCarry, type Carried } from './bracket-carry.ts';
import type { Segment } from './word-diff.ts';
import type { AknMeta } from './akn-meta.ts';

/** The mixed content of Akoma Ntoso headings and paragraphs: numbers, bracket spans, ins and del. */
/** Splits a heading change into its `Article 3.` prefix and the heading words after it. */
export function splitHeading(change: UnitChange): [UnitChange, UnitChange] {
  const limitA = numberPrefixLength(change.aTokens);
  const limitB = numberPrefixLength(change.bTokens);
  const head: Segment[] = [];
  const tail: Segment[] = [];
  for (const segment of change.segments) {
    const length =
      segment.op === 'insert'
        ? clamp(limitB - segment.bStart, segment.bEnd - segment.bStart)
        : segment.op === 'delete'
          ? clamp(limitA - segment.aStart, segment.aEnd - segment.aStart)
          : clamp(Math.min(limitA - segment.aStart, limitB - segment.bStart), segment.aEnd - segment.aStart);
    const cutA = segment.op === 'insert' ? segment.aStart : segment.aStart + length;
    const cutB = segment.op === 'delete' ? segment.bStart : segment.bStart + length;
    if (length > 0) head.push({ ...segment, aEnd: cutA, bEnd: cutB });
    if (cutA < segment.aEnd || cutB < segment.bEnd) tail.push({ ...segment, aStart: cutA, bStart: cutB });
  }
  // A redline's changes read their tokens through getters, which a spread does not copy.
  const tokens = { aTokens: change.aTokens, bTokens: change.bTokens };
  return [
    { ...change, ...tokens, segments: head },
    { ...change, ...tokens, segments: tail },
  ];
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(value, max));

/** Tokens of `Article 3bis.`, `[Article 3ter]`, `Annex 1 —` at the start of a heading; 0 if none. */
function numberPrefixLength(tokens: Token[]): number {
  let i = 0;
  while (tokens[i]?.kind === 'open') i++;
  const opened = i;
  const word = (k: number) => {
    const token = tokens[k];
    return token?.kind === 'word' ? token.text : undefined;
  };
  if (!/^(article|annex)$/i.test(word(i) ?? '') || word(i + 1) === undefined) return 0;
  i += 2;
  if (/^(bis|ter|quater|quinquies)$/i.test(word(i) ?? '')) i++;
  for (let closed = 0; closed < opened && tokens[i]?.kind === 'close'; closed++) i++;
  while (/^[.:—–-]$/.test(word(i) ?? '')) i++;
  return i;
}

/** Parley's own attributes on AKN elements (the schema admits attributes of other namespaces). */
export const PARLEY_NAMESPACE = 'urn:parley:drafts';

/** A bracket span as it continues into a later paragraph: see `BracketCarry`. */
interface SpanPiece {
  class: 'bracket' | 'alternatives' | 'alternative';
  /** The eId of the bracket's first span, which every continuation refers to. */
  first: string;
  /** eId prefix of the bracket's spans (`br_3`, `a_br_3`). */
  base: string;
  party?: string;
  alternativeTo?: string;
  /** For a group of alternatives: the eId of its first alternative. */
  firstAlternative?: string;
}

interface StackEntry {
  node: XMLBuilder;
  eId?: string;
  choice: boolean;
  firstAlternative?: string;
  piece?: Carried<SpanPiece>;
}

/**
 * Writes a unit's tokens as mixed content: bracket spans nest as the brackets do, and `ins`/`del`
 * wrap only the text between two markers, so the XML always nests properly. A bracket spanning
 * paragraphs gets one span per paragraph: each continuation has class `continued` and
 * `parley:continues` naming the eId of the bracket's first span.
 */
export class InlineWriter {
  private spanCount = 0;
  private readonly carry = new BracketCarry<SpanPiece>();
  /** In a redline, span ids say which version a bracket comes from (`a_br_…`, `b_br_…`). */
  constructor(
    private readonly meta: AknMeta,
    private readonly isRedline: boolean,
  ) {}

  /** A new article starts: no bracket continues into it. */
  endSection(): void {
    this.carry.reset();
  }

  unitAttributes(change: UnitChange): Record<string, string> {
    const refs: string[] = [];
    const classes = [
      change.op === 'inserted' || change.op === 'deleted' ? change.op : '',
      change.moved ? 'moved' : '',
      change.renumbered ? 'renumbered' : '',
    ].filter(Boolean);
    if (change.statusAfter ?? change.statusBefore)
      refs.push(`#status-${change.statusAfter ?? change.statusBefore}`);
    const issues = new Set((this.meta.issues ?? []).map((i) => i.id));
    for (const issue of change.issues ?? []) if (issues.has(issue)) refs.push(`#issue-${issue}`);
    return {
      ...(refs.length ? { refersTo: refs.join(' ') } : {}),
      ...(classes.length ? { class: classes.join(' ') } : {}),
    };
  }

  write(parent: XMLBuilder, change: UnitChange): void {
    const stack: StackEntry[] = [{ node: parent, choice: false }];
    for (const piece of this.carry.resume(change)) {
      const top = stack.at(-1) as StackEntry;
      const { value } = piece;
      const eId = `${value.base}_${++this.spanCount}`;
      const node = top.node
        .ele('span', {
          eId,
          class: `${value.class} continued`,
          ...(value.class !== 'alternatives' ? { refersTo: `#${value.party ?? UNATTRIBUTED}` } : {}),
          ...(value.alternativeTo ? { alternativeTo: value.alternativeTo } : {}),
        })
        .att(PARLEY_NAMESPACE, 'parley:continues', value.first);
      const choice = value.class === 'alternatives';
      stack.push({ node, eId, choice, firstAlternative: value.firstAlternative, piece });
    }
    // Each version's emphasis is its own: deleted marks pair in A, kept and inserted ones in B.
    const emphasis = new Set([...emphasisStars(change.aTokens), ...emphasisStars(change.bTokens)]);
    let previous: Token | undefined;
    let lastClosedSquare: { depth: number; eId: string; side: string } | undefined;
    const side = (op: string) => (op === 'delete' ? 'a' : 'b');
    for (const piece of pieces(change)) {
      let text = '';
      const flush = () => {
        if (!text) return;
        const top = (stack.at(-1) as (typeof stack)[number]).node;
        if (piece.op === 'equal') writeEmphasis(top, text);
        else {
          // The space before a change is shared text, not part of the change.
          const words = text.replace(/^ /, '');
          if (words !== text) top.txt(' ');
          // A change of emphasis marks alone changes no text: it gets no ins or del.
          const bare = words.replaceAll(EMPHASIS, '');
          if (bare.trim()) writeEmphasis(top.ele(piece.op === 'insert' ? 'ins' : 'del'), words);
          else if (bare && piece.op === 'insert') top.txt(bare);
        }
        text = '';
      };
      for (const token of piece.tokens) {
        const space = spaceBefore(token, previous) ? ' ' : '';
        previous = token;
        if (token.kind === 'word') {
          // Emphasis markers become a mark `writeEmphasis` turns into i or b; any other * is text.
          text += space + (emphasis.has(token) ? EMPHASIS : token.text.replaceAll('*', LITERAL_STAR));
          // Any word between two brackets, punctuation included, makes them separate brackets, as the
          // parser reads them: only brackets with nothing but space between are alternatives.
          lastClosedSquare = undefined;
          continue;
        }
        if (token.kind === 'close') {
          // The closing mark ends the text of its span: flush them together.
          text += space + (token.shape === 'square' ? ']' : '}');
          flush();
          if (stack.length > 1) {
            const closed = stack.pop() as (typeof stack)[number];
            if (
              token.shape === 'choice' &&
              stack.length > 1 &&
              (stack.at(-1) as (typeof stack)[number]).choice
            )
              stack.pop();
            lastClosedSquare =
              token.shape === 'square' && closed.eId
                ? { depth: stack.length + 1, eId: closed.eId, side: side(piece.op) }
                : undefined;
          }
          continue;
        }
        text += space;
        flush();
        const top = stack.at(-1) as (typeof stack)[number];
        const party = `#${token.party ?? UNATTRIBUTED}`;
        const base = `${this.isRedline ? `${side(piece.op)}_` : ''}br_${token.bracket}`;
        const eId = () => `${base}_${++this.spanCount}`;
        const origin = BracketCarry.origin(change, piece.op);
        const carried = (value: Omit<SpanPiece, 'base'>): Carried<SpanPiece> => ({
          value: { ...value, base, ...(token.party ? { party: token.party } : {}) },
          ...origin,
        });
        if (token.kind === 'open' && token.shape === 'square') {
          const id = eId();
          // `[a] [b]`: a bracket right after a closed one at the same depth is its alternative.
          // (Only within one version: a bracket is no alternative to one deleted before it.)
          const alternativeTo =
            lastClosedSquare?.depth === stack.length + 1 && lastClosedSquare.side === side(piece.op)
              ? lastClosedSquare.eId
              : undefined;
          const node = top.node.ele('span', {
            eId: id,
            class: 'bracket',
            refersTo: party,
            ...(alternativeTo ? { alternativeTo } : {}),
          });
          stack.push({ node, eId: id, choice: false, piece: carried({ class: 'bracket', first: id }) });
          text = '[' + (token.party ? `${token.party}: ` : '');
        } else if (token.kind === 'open') {
          const groupId = eId();
          const group = top.node.ele('span', { eId: groupId, class: 'alternatives' });
          const id = eId();
          const node = group.ele('span', { eId: id, class: 'alternative', refersTo: party });
          stack.push(
            {
              node: group,
              choice: true,
              firstAlternative: id,
              piece: carried({ class: 'alternatives', first: groupId, firstAlternative: id }),
            },
            { node, choice: false, piece: carried({ class: 'alternative', first: id }) },
          );
          text = '{' + (token.party ? `${token.party}: ` : '');
        } else {
          const group = stack.at(-2);
          if (stack.length > 2 && group?.choice) {
            stack.pop();
            const id = eId();
            const alternativeTo = group.firstAlternative;
            const node = group.node.ele('span', {
              eId: id,
              class: 'alternative',
              refersTo: party,
              ...(alternativeTo ? { alternativeTo } : {}),
            });
            stack.push({
              node,
              choice: false,
              piece: carried({
                class: 'alternative',
                first: id,
                ...(alternativeTo ? { alternativeTo } : {}),
              }),
            });
          }
          text = '| ' + (token.party ? `${token.party}: ` : '');
        }
      }
      flush();
    }
    // Whatever is still open runs on into the next paragraph.
    this.carry.suspend(stack.flatMap((entry) => (entry.piece ? [entry.piece] : [])));
  }
}

/** Marks of the text `writeEmphasis` reads: an emphasis `*`, and a `*` that is text. */
const EMPHASIS = '\u0001';
const LITERAL_STAR = '\u0002';
const MARKS = new RegExp(`(${LITERAL_STAR}|${EMPHASIS}${EMPHASIS}|${EMPHASIS})`);

/**
 * The `*` tokens of a unit that are Markdown emphasis: runs of one or two `*` that pair, an
 * opener (no space after) with the nearest later closer (no space before) of the same length.
 * A `*` left unpaired (`2 * 3`, a footnote mark, an escaped `\*`) is text.
 */
function emphasisStars(tokens: Token[]): Set<Token> {
  const runs: { tokens: Token[]; open: boolean; close: boolean }[] = [];
  for (let i = 0; i < tokens.length;) {
    const token = tokens[i] as Token;
    if (token.kind !== 'word' || token.text !== '*') {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < tokens.length &&
      tokens[j]?.kind === 'word' &&
      (tokens[j] as WordToken).text === '*' &&
      !tokens[j]?.space
    )
      j++;
    const next = tokens[j];
    runs.push({
      tokens: tokens.slice(i, j),
      open: next !== undefined && !next.space,
      close: i > 0 && !token.space,
    });
    i = j;
  }
  const stack: (typeof runs)[number][] = [];
  const stars = new Set<Token>();
  for (const run of runs) {
    if (run.tokens.length > 2) continue;
    const match = run.close ? stack.findLastIndex((r) => r.tokens.length === run.tokens.length) : -1;
    if (match >= 0) {
      for (const token of [...(stack[match] as (typeof runs)[number]).tokens, ...run.tokens])
        stars.add(token);
      stack.length = match;
    } else if (run.open) stack.push(run);
  }
  return stars;
}

/**
 * Writes text with its emphasis marks (see `emphasisStars`) as AKN `i` (`*x*`) and `b` (`**x**`).
 * The XML must nest, so a pair is written only within one run of text (between two bracket marks
 * or change boundaries); a mark whose partner lies across such a boundary is dropped.
 */
function writeEmphasis(node: XMLBuilder, text: string): void {
  if (!text.includes(EMPHASIS) && !text.includes(LITERAL_STAR)) {
    node.txt(text);
    return;
  }
  const parts = text.split(MARKS);
  interface Marker {
    index: number;
    length: number;
    open: boolean;
    close: boolean;
    literal: boolean;
  }
  const markers = new Map<number, Marker>();
  let offset = 0;
  parts.forEach((part, index) => {
    if (index % 2 === 1 && part !== LITERAL_STAR) {
      // The edge of the run is a bracket mark or a change, not a space.
      const before = text[offset - 1] ?? '';
      const after = text[offset + part.length] ?? '';
      const open = !/\s/.test(after);
      const close = !/\s/.test(before);
      markers.set(index, { index, length: part.length, open, close, literal: !open && !close });
    }
    offset += part.length;
  });
  // Pair each closer with the nearest opener of the same length; openers in between are dropped.
  const stack: Marker[] = [];
  const paired = new Map<number, 'open' | 'close'>();
  for (const marker of markers.values()) {
    if (marker.literal) continue;
    const match = marker.close ? stack.findLastIndex((m) => m.length === marker.length) : -1;
    if (match >= 0) {
      paired.set((stack[match] as Marker).index, 'open');
      paired.set(marker.index, 'close');
      stack.length = match;
    } else if (marker.open) stack.push(marker);
  }
  let current = node;
  parts.forEach((part, index) => {
    if (index % 2 === 0) {
      if (part) current.txt(part);
      return;
    }
    const marker = markers.get(index);
    if (!marker) current.txt('*');
    else if (marker.literal) current.txt('*'.repeat(marker.length));
    else if (paired.get(index) === 'open') current = current.ele(marker.length === 2 ? 'b' : 'i');
    else if (paired.get(index) === 'close') current = current.up();
  });
}
