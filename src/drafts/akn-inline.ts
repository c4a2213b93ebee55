import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { UNATTRIBUTED } from './brackets.ts';
import type { Token } from './model.ts';
import type { UnitChange } from './redline.ts';
import { pieces, spaceBefore } from './view.ts';
import type { Segment } from './word-diff.ts';
import type { AknMeta } from './akn.ts';

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
  return [
    { ...change, segments: head },
    { ...change, segments: tail },
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

/**
 * Writes a unit's tokens as mixed content: bracket spans nest as the brackets do, and `ins`/`del`
 * wrap only the text between two markers, so the XML always nests properly.
 */
export class InlineWriter {
  private spanCount = 0;
  /** In a redline, span ids say which version a bracket comes from (`a_br_…`, `b_br_…`). */
  constructor(
    private readonly meta: AknMeta,
    private readonly isRedline: boolean,
  ) {}

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
    const stack: { node: XMLBuilder; eId?: string; choice: boolean; firstAlternative?: string }[] = [
      { node: parent, choice: false },
    ];
    let previous: Token | undefined;
    let lastClosedSquare: { depth: number; eId: string; side: string } | undefined;
    const side = (op: string) => (op === 'delete' ? 'a' : 'b');
    for (const piece of pieces(change)) {
      let text = '';
      const flush = () => {
        if (!text) return;
        const top = (stack.at(-1) as (typeof stack)[number]).node;
        if (piece.op === 'equal') top.txt(text);
        else {
          // The space before a change is shared text, not part of the change.
          const words = text.replace(/^ /, '');
          if (words !== text) top.txt(' ');
          if (words) top.ele(piece.op === 'insert' ? 'ins' : 'del').txt(words);
        }
        text = '';
      };
      for (const token of piece.tokens) {
        const space = spaceBefore(token, previous) ? ' ' : '';
        previous = token;
        if (token.kind === 'word') {
          text += space + token.text;
          if (/[\p{L}\p{N}]/u.test(token.text)) lastClosedSquare = undefined;
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
        const eId = () =>
          `${this.isRedline ? `${side(piece.op)}_` : ''}br_${token.bracket}_${++this.spanCount}`;
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
          stack.push({ node, eId: id, choice: false });
          text = '[' + (token.party ? `${token.party}: ` : '');
        } else if (token.kind === 'open') {
          const group = top.node.ele('span', { eId: eId(), class: 'alternatives' });
          const id = eId();
          const node = group.ele('span', { eId: id, class: 'alternative', refersTo: party });
          stack.push({ node: group, choice: true, firstAlternative: id }, { node, choice: false });
          text = '{' + (token.party ? `${token.party}: ` : '');
        } else {
          const group = stack.at(-2);
          if (stack.length > 2 && group?.choice) {
            stack.pop();
            const node = group.node.ele('span', {
              eId: eId(),
              class: 'alternative',
              refersTo: party,
              ...(group.firstAlternative ? { alternativeTo: group.firstAlternative } : {}),
            });
            stack.push({ node, choice: false });
          }
          text = '| ' + (token.party ? `${token.party}: ` : '');
        }
      }
      flush();
    }
  }
}
