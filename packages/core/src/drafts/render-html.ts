import { BracketCarry } from './bracket-carry.ts';
import { UNATTRIBUTED } from './brackets.ts';
import type { DraftDocument, Token } from './model.ts';
import { describeOptionOutcomes } from './option-outcomes.ts';
import type { RedlineSummary, UnitChange } from './redline.ts';
import { asView, movementNote, pieces, spaceBefore, type DraftView } from './view.ts';

/**
 * One self-contained HTML page (inline CSS, no scripts): brackets tinted by the party that holds
 * them, insertions and deletions marked, and for a redline the summary at the top.
 */
export function toHtml(input: DraftDocument | DraftView): string {
  const view = asView(input);
  const parties = partiesIn(view);
  const heading =
    view.titleBefore !== undefined
      ? `Redline: ${view.titleBefore || 'A'} → ${view.title || 'B'}`
      : view.title;
  const parts: string[] = [];
  parts.push(
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(heading || 'Draft')}</title>`,
    `<style>${stylesheet(parties)}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${escapeHtml(heading || 'Untitled draft')}</h1>`,
  );
  if (view.reconstruction) {
    parts.push(
      '<p class="reconstruction">Reconstruction: this text is rebuilt from reports of the draft, not the original.</p>',
    );
  }
  if (parties.length) {
    parts.push(
      `<p class="legend">Brackets by party: ${parties.map((p) => `<span class="br ${partyClass(p)}">${escapeHtml(p)}</span>`).join(' ')}</p>`,
    );
  }
  parts.push('</header>');
  if (view.redline) parts.push(summaryHtml(view.redline.summary));
  parts.push('<main>');
  const carry = new BracketCarry<string>();
  const ids = new Set<string>();
  for (const change of view.changes) parts.push(unitHtml(change, carry, ids));
  parts.push('</main>', '</body>', '</html>', '');
  return parts.join('\n');
}

/**
 * An id not yet used in the page: in a redline, a deleted unit of A and an inserted unit of B can
 * carry the same id, so the second gets `-2` (then `-3`, …).
 */
function uniqueId(id: string, ids: Set<string>): string {
  let unique = id;
  for (let n = 2; ids.has(unique); n++) unique = `${id}-${n}`;
  ids.add(unique);
  return unique;
}

/** A paragraph's number, inside `del`/`ins` when the paragraph (or only its number) changed. */
function numHtml(change: UnitChange): string {
  const before = change.op === 'inserted' ? undefined : change.a?.num;
  const after = change.op === 'deleted' ? undefined : change.b?.num;
  if (!before && !after) return '';
  const text =
    before === after
      ? escapeHtml(before as string)
      : `${before ? `<del>${escapeHtml(before)}</del>` : ''}${after ? `<ins>${escapeHtml(after)}</ins>` : ''}`;
  return `<span class="num">${text}</span> `;
}

function unitHtml(change: UnitChange, carry: BracketCarry<string>, ids: Set<string>): string {
  if (change.unit === 'heading') carry.reset();
  const ref = change.b ?? change.a;
  const classes = [
    change.unit,
    change.op,
    change.moved ? 'moved' : '',
    change.statusAfter ? `status-${change.statusAfter}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const note = movementNote(change);
  const flags = [
    change.op === 'inserted' ? 'inserted' : change.op === 'deleted' ? 'deleted' : '',
    note ?? (change.unit === 'paragraph' && change.statusAfter ? change.statusAfter : ''),
  ].filter(Boolean);
  const badge = flags.length ? ` <span class="note">${escapeHtml(flags.join('; '))}</span>` : '';
  if (change.unit === 'heading' && change.aTokens.length === 0 && change.bTokens.length === 0) return '';
  const anchor = ref ? ` id="${escapeHtml(uniqueId(ref.id, ids))}"` : '';
  if (change.unit === 'heading') {
    return `<h2${anchor} class="${classes}">${inlineHtml(change, carry)}${badge}</h2>`;
  }
  return `<p${anchor} class="${classes}">${numHtml(change)}${inlineHtml(change, carry)}${badge}</p>`;
}

/**
 * Bracket spans are the outer structure and `ins`/`del` wrap only text between markers, so the
 * markup always nests. A bracket that continues into the next paragraph ends this one with a `…`
 * mark and is re-opened (class `continued`, same tint) in each paragraph it covers; a close with
 * nothing open is shown as text.
 */
function inlineHtml(change: UnitChange, carry: BracketCarry<string>): string {
  const open = carry.resume(change);
  let html = open.map((entry) => openSpan(entry.value, ' continued')).join('');
  if (open.length) html += CONTINUED;
  let previous: Token | undefined;
  for (const piece of pieces(change)) {
    const wrap = (text: string) =>
      piece.op === 'equal' || !text
        ? text
        : piece.op === 'insert'
          ? `<ins>${text}</ins>`
          : `<del>${text}</del>`;
    let run = '';
    const flush = () => {
      const lead = run.startsWith(' ') ? ' ' : '';
      html += lead + wrap(run.slice(lead.length));
      run = '';
    };
    for (const token of piece.tokens) {
      const space = spaceBefore(token, previous) ? ' ' : '';
      previous = token;
      if (token.kind === 'word') {
        run += space + escapeHtml(token.text);
        continue;
      }
      run += space;
      flush();
      const party = token.party ?? UNATTRIBUTED;
      const label = token.party ? `<span class="party">${escapeHtml(token.party)}:</span> ` : '';
      if (token.kind === 'open') {
        open.push({ value: party, ...BracketCarry.origin(change, piece.op) });
        const shape = token.shape === 'square' ? '[' : '{';
        html += `${openSpan(party)}${wrap(`<b class="mk">${shape}</b>${label}`)}`;
      } else if (token.kind === 'alt') {
        // The next alternative: close the previous party's tint (if opened here) and open this one's.
        const entry = { value: party, ...BracketCarry.origin(change, piece.op) };
        if (open.length) {
          html += '</span>';
          open[open.length - 1] = entry;
        } else open.push(entry);
        html += `${openSpan(party)}${wrap(`<b class="mk">|</b> ${label}`)}`;
      } else {
        const shape = token.shape === 'square' ? ']' : '}';
        if (open.length) {
          open.pop();
          html += `${wrap(`<b class="mk">${shape}</b>`)}</span>`;
        } else html += wrap(shape);
      }
    }
    flush();
  }
  carry.suspend(open);
  return html + (open.length ? CONTINUED : '') + '</span>'.repeat(open.length);
}

/** Marks where a bracket runs on into the next paragraph, or on from the one before. */
const CONTINUED = '<b class="mk cont" title="the bracket continues">…</b>';

function openSpan(party: string, extraClass = ''): string {
  return `<span class="br ${partyClass(party)}${extraClass}" title="${escapeHtml(party)}">`;
}

function summaryHtml(summary: RedlineSummary): string {
  const rows = Object.entries(summary.brackets)
    .map(
      ([party, b]) =>
        `<tr><td><span class="br ${partyClass(party)}">${escapeHtml(party)}</span></td><td>${b.before}</td><td>${b.after}</td><td>${b.opened}</td><td>${b.closed}</td></tr>`,
    )
    .join('');
  const status = summary.statusChanges.length
    ? `<ul class="status-changes">${summary.statusChanges
        .map((s) => `<li>${escapeHtml(s.label)}: ${s.before ?? 'unmarked'} → ${s.after ?? 'unmarked'}</li>`)
        .join('')}</ul>`
    : '';
  const described = summary.options?.length ? describeOptionOutcomes(summary.options) : undefined;
  const options = described
    ? `<p class="options">${escapeHtml(described.tally)}.</p><ul class="option-outcomes">${described.settled
        .map((line) => `<li>${escapeHtml(line)}</li>`)
        .join('')}</ul>`
    : '';
  const degraded = summary.degraded.length
    ? `<p class="degraded">Degraded: ${escapeHtml(summary.degraded.map((d) => `${d.unit} (${d.reason})`).join('; '))}</p>`
    : '<p class="exact">Every unit diffed word by word (no bound hit).</p>';
  return [
    '<section class="summary">',
    `<p><ins>${summary.wordsAdded} words added</ins>, <del>${summary.wordsRemoved} removed</del>; ${summary.moved} moved, ${summary.renumbered} renumbered; ${summary.units.modified} modified, ${summary.units.inserted} inserted, ${summary.units.deleted} deleted, ${summary.units.unchanged} unchanged.</p>`,
    `<table><thead><tr><th>party</th><th>brackets before</th><th>after</th><th>opened</th><th>closed</th></tr></thead><tbody>${rows}</tbody></table>`,
    status,
    options,
    degraded,
    '</section>',
  ].join('\n');
}

function partiesIn(view: DraftView): string[] {
  const parties = new Set<string>();
  for (const change of view.changes) {
    for (const token of [...change.aTokens, ...change.bTokens]) {
      if (token.kind === 'open' || token.kind === 'alt') parties.add(token.party ?? UNATTRIBUTED);
    }
  }
  return [...parties].sort();
}

function partyClass(party: string): string {
  return `party-${party.replace(/[^a-z0-9-]/gi, '_')}`;
}

// Hues spread around the wheel in the order parties sort, so each party keeps one colour per page.
function stylesheet(parties: string[]): string {
  const tints = parties
    .map((party, index) => {
      const hue =
        party === UNATTRIBUTED ? 45 : Math.round((index * 360) / Math.max(1, parties.length) + 200) % 360;
      return `.${partyClass(party)}{background:hsl(${hue} 85% 90%);}`;
    })
    .join('');
  return [
    'body{font:16px/1.5 Georgia,serif;max-width:52rem;margin:2rem auto;padding:0 1rem;color:#222}',
    'h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.5rem}',
    'ins{background:#d4f7d4;text-decoration:underline}del{background:#fbd5d5;text-decoration:line-through}',
    '.br{border-radius:3px;padding:0 1px}.mk{font-weight:bold}.cont{font-weight:normal;color:#777}.party{font-variant:small-caps;color:#555}',
    '.num{font-weight:bold}.note{font:12px sans-serif;color:#666;margin-left:.5em}',
    '.summary{border:1px solid #ccc;padding:.5rem 1rem;background:#fafafa}',
    'table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 8px;text-align:right}',
    '.deleted{opacity:.8}.moved{border-left:3px solid #88f;padding-left:.5rem}.degraded{color:#b00;font-weight:bold}',
    '.reconstruction{font-style:italic;color:#844}',
    tints,
  ].join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
