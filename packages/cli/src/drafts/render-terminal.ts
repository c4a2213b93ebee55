import pc from 'picocolors';
import type { Token } from '@parley/core/drafts/model.ts';
import type { PartyBrackets, RedlineSummary, UnitChange } from '@parley/core/drafts/redline.ts';
import { movementNote, pieces, tokensText, type DraftView } from '@parley/core/drafts/view.ts';

export interface TerminalOptions {
  /** Colour (red struck-through deletions, green underlined insertions); otherwise git's `[-…-]{+…+}`. */
  colour: boolean;
  /** Also print units that did not change. */
  all?: boolean;
}

const SIGN: Record<UnitChange['op'], string> = { unchanged: ' ', modified: '~', inserted: '+', deleted: '-' };

/** The redline for a terminal: a summary, then each changed unit with its words marked. */
export function toTerminal(view: DraftView, options: TerminalOptions): string {
  const colours = pc.createColors(options.colour);
  const lines: string[] = [];
  const summary = view.redline?.summary;
  lines.push(
    colours.bold(
      view.titleBefore !== undefined ? `${view.titleBefore || 'A'} → ${view.title || 'B'}` : view.title,
    ),
  );
  if (view.reconstruction)
    lines.push(colours.dim('(reconstruction: rebuilt from reports, not an original text)'));
  if (summary) lines.push(...summaryLines(summary));
  for (const change of view.changes) {
    if (change.op === 'unchanged' && !change.moved && !change.renumbered && !options.all) continue;
    const ref = change.b ?? change.a;
    const where = [
      change.a && `A ${change.a.line}:${change.a.column}`,
      change.b && `B ${change.b.line}:${change.b.column}`,
    ]
      .filter(Boolean)
      .join(' → ');
    const note = movementNote(change);
    lines.push('');
    lines.push(
      colours.cyan(`${change.moved ? '>' : SIGN[change.op]} ${ref?.label ?? ''}`) +
        colours.dim(` (${where})${note ? ` ${note}` : ''}`),
    );
    lines.push(`  ${body(change, colours)}`);
  }
  return lines.join('\n') + '\n';
}

function summaryLines(summary: RedlineSummary): string[] {
  const { units } = summary;
  const lines = [
    `words +${summary.wordsAdded} −${summary.wordsRemoved} · moved ${summary.moved} · renumbered ${summary.renumbered} · ` +
      `units: ${units.modified} modified, ${units.inserted} inserted, ${units.deleted} deleted, ${units.unchanged} unchanged`,
    `brackets (before → after, +opened/−closed): ${
      Object.entries(summary.brackets)
        .map(([party, b]) => bracketNote(party, b))
        .join(' · ') || 'none'
    }`,
  ];
  if (summary.statusChanges.length) {
    lines.push(
      `status: ${summary.statusChanges.map((s) => `${s.label} ${s.before ?? 'unmarked'} → ${s.after ?? 'unmarked'}`).join(' · ')}`,
    );
  }
  lines.push(
    summary.degraded.length
      ? `DEGRADED: ${summary.degraded.map((d) => `${d.unit}: ${d.reason}`).join(' · ')}`
      : 'degraded: none (every unit diffed word by word)',
  );
  return lines;
}

function bracketNote(party: string, b: PartyBrackets): string {
  return `${party} ${b.before} → ${b.after} (+${b.opened}/−${b.closed})`;
}

function body(change: UnitChange, colours: ReturnType<typeof pc.createColors>): string {
  let text = '';
  let previous: Token | undefined;
  for (const piece of pieces(change)) {
    const run = tokensText(piece.tokens, previous);
    previous = piece.tokens.at(-1) ?? previous;
    if (piece.op === 'equal' || !run) {
      text += run;
      continue;
    }
    const lead = run.startsWith(' ') ? ' ' : '';
    const words = run.slice(lead.length);
    if (!colours.isColorSupported) text += lead + (piece.op === 'insert' ? `{+${words}+}` : `[-${words}-]`);
    else
      text +=
        lead +
        (piece.op === 'insert'
          ? colours.green(colours.underline(words))
          : colours.red(colours.strikethrough(words)));
  }
  return text;
}
