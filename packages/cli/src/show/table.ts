import Table from 'cli-table3';

/** A plain, borderless terminal table: readable in a pipe as well as in a terminal. */
export function renderTable(head: string[], rows: Array<Array<string | number>>): string {
  const table = new Table({
    head,
    style: { head: [], border: [], compact: true },
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    wordWrap: true,
    colWidths: head.map((_, i) => (i === head.length - 1 ? 60 : null)),
  });
  for (const row of rows) table.push(row.map(String));
  return table.toString().replace(/[ \t]+$/gm, '');
}

export const CONTESTED = '⚑ contested';

export function list(values: readonly string[] | undefined): string {
  return values && values.length > 0 ? values.join(', ') : '—';
}
