import { describeOptionOutcomes } from './option-outcomes.ts';
import type { RedlineSummary, UnitChange } from './redline.ts';
import { asView, movementNote, pieces, tokensText, type DraftView } from './view.ts';
import type { DraftDocument, Token } from './model.ts';

/**
 * Markdown: the draft in its own bracket notation (so a reader sees `[ru: …]` and
 * `{ua: … | ru: …}` as negotiators write them); a redline marks text with `<del>` and `<ins>`,
 * which GitHub and most Markdown viewers show struck through and underlined.
 */
export function toMarkdown(input: DraftDocument | DraftView): string {
  const view = asView(input);
  const out: string[] = [];
  out.push(`# ${escapeInline(view.title || 'Untitled draft')}`, '');
  if (view.titleBefore !== undefined)
    out.push(`Redline against: ${escapeInline(view.titleBefore || 'untitled')}`, '');
  if (view.reconstruction)
    out.push('> Reconstruction: this text is rebuilt from reports of the draft, not the original.', '');
  if (view.redline) out.push(...summaryLines(view.redline.summary), '');
  for (const change of view.changes) {
    if (change.unit === 'heading') {
      if (change.sectionKind === 'preamble' && change.bTokens.length === 0 && change.aTokens.length === 0)
        continue;
      out.push(`## ${inline(change)}${marks(change)}`, '');
    } else {
      // No indentation for sub-paragraphs: four spaces would make a Markdown code block.
      out.push(`${numberOf(change)}${inline(change)}${marks(change)}`, '');
    }
  }
  return out.join('\n').replace(/\n+$/, '\n');
}

function summaryLines(summary: RedlineSummary): string[] {
  const lines = [
    `**Summary:** ${summary.wordsAdded} words added, ${summary.wordsRemoved} removed; ` +
      `${summary.moved} moved, ${summary.renumbered} renumbered; ` +
      `${summary.units.modified} modified, ${summary.units.inserted} inserted, ${summary.units.deleted} deleted, ` +
      `${summary.units.unchanged} unchanged.`,
    '',
    '| party | brackets before | after | opened | closed |',
    '|---|---:|---:|---:|---:|',
    ...Object.entries(summary.brackets).map(
      ([party, b]) => `| ${party} | ${b.before} | ${b.after} | ${b.opened} | ${b.closed} |`,
    ),
  ];
  if (summary.statusChanges.length) {
    lines.push('', '**Status changes:**', '');
    for (const change of summary.statusChanges) {
      lines.push(`- ${change.label}: ${change.before ?? 'unmarked'} → ${change.after ?? 'unmarked'}`);
    }
  }
  if (summary.options?.length) {
    const { tally, settled } = describeOptionOutcomes(summary.options);
    lines.push('', `**Options:** ${tally}.`, '', ...settled.map((line) => `- ${line}`));
  }
  lines.push(
    '',
    summary.degraded.length
      ? `**Degraded:** ${summary.degraded.map((d) => `${d.unit} (${d.reason})`).join('; ')}`
      : '**Degraded:** none (every unit diffed word by word).',
  );
  return lines;
}

function inline(change: UnitChange): string {
  let text = '';
  let previous: Token | undefined;
  for (const piece of pieces(change)) {
    const run = escapeInline(tokensText(piece.tokens, previous));
    previous = piece.tokens.at(-1) ?? previous;
    if (piece.op === 'equal') text += run;
    else {
      // Keep the separating space outside the mark so words do not run together.
      const lead = run.startsWith(' ') ? ' ' : '';
      const tag = piece.op === 'insert' ? 'ins' : 'del';
      text += `${lead}<${tag}>${run.slice(lead.length)}</${tag}>`;
    }
  }
  return text;
}

function marks(change: UnitChange): string {
  const notes: string[] = [];
  if (change.op === 'inserted') notes.push('inserted');
  if (change.op === 'deleted') notes.push('deleted');
  const movement = movementNote(change);
  if (movement) notes.push(movement);
  else if (change.unit === 'paragraph' && change.statusAfter && change.op !== 'deleted')
    notes.push(change.statusAfter);
  return notes.length ? ` *(${notes.join('; ')})*` : '';
}

/** A paragraph's number, inside `<del>`/`<ins>` when the paragraph (or only its number) changed. */
function numberOf(change: UnitChange): string {
  const before = change.op === 'inserted' ? undefined : change.a?.num;
  const after = change.op === 'deleted' ? undefined : change.b?.num;
  if (!before && !after) return '';
  if (before === after) return `${escapeNumber(before as string)} `;
  return `${before ? `<del>${escapeNumber(before)}</del>` : ''}${after ? `<ins>${escapeNumber(after)}</ins>` : ''} `;
}

/** `1.` at the start of a line would turn the paragraphs into a renumbered Markdown list. */
function escapeNumber(num: string): string {
  return num.replace(/^(\d+)\./, '$1\\.');
}

function escapeInline(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
