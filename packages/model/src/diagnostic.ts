/**
 * One problem found in a case or a text. Every checker reports this one shape: a case checked in
 * memory is located by its record `path` (`positions[3].value`); the file adapter adds `file`,
 * `line` and `column`; a draft text's problem has its line and column inside that text.
 */
export interface Diagnostic {
  /** The kind of problem, stable across releases (`unknown-reference`, `yaml-syntax`, …). */
  code: string;
  severity: 'error' | 'warning';
  /**
   * Where in the records: a field path in Case terms (`drafts[0].versions[2].basis`), or in
   * the file when the problem is the file's own (`actors.yaml`'s top-level keys); empty for a
   * problem with a whole file or text.
   */
  path: string;
  file?: string;
  /** 1-based; 0 or absent when the problem concerns a file or folder as a whole. */
  line?: number;
  column?: number;
  message: string;
}

/** `file:line:column: path: message`; without a file, `path: message` (or `path:line:column: …` inside a text). */
export function formatDiagnostic(d: Diagnostic): string {
  const position = d.line ? `:${d.line}:${d.column ?? 0}` : '';
  if (d.file !== undefined) {
    const where = `${d.file}${position}`;
    return d.path ? `${where}: ${d.path}: ${d.message}` : `${where}: ${d.message}`;
  }
  const where = `${d.path}${position}`;
  return where ? `${where}: ${d.message}` : d.message;
}

/** How many diagnostics of one kind (code) in one file `formatDiagnostics` shows before counting the rest. */
export const MAX_SHOWN_PER_KIND = 20;

/**
 * Diagnostics as lines, in their order, with repeats capped: of each code in each file the first
 * `maxPerKind` are shown, then one line `… and N more of the same kind (code) in file`. A text
 * with 100,000 unclosed brackets gives 21 lines, not 100,000. The one place output is capped.
 */
export function formatDiagnostics(
  diagnostics: readonly Diagnostic[],
  maxPerKind = MAX_SHOWN_PER_KIND,
): string[] {
  const lines: string[] = [];
  const shown = new Map<string, number>();
  const hidden = new Map<string, { after: number; count: number; file?: string; code: string }>();
  for (const d of diagnostics) {
    const key = `${d.file ?? ''}\u0000${d.code}`;
    const count = shown.get(key) ?? 0;
    if (count < maxPerKind) {
      shown.set(key, count + 1);
      lines.push(formatDiagnostic(d));
      if (count + 1 === maxPerKind)
        hidden.set(key, { after: lines.length, count: 0, file: d.file, code: d.code });
    } else hidden.get(key)!.count++;
  }
  // Each count follows the last line shown of its kind; insert from the end so positions hold.
  const counts = [...hidden.values()].filter((h) => h.count > 0).sort((a, b) => b.after - a.after);
  for (const { after, count, file, code } of counts) {
    const where = file === undefined ? '' : ` in ${file}`;
    lines.splice(after, 0, `… and ${count.toLocaleString('en-US')} more of the same kind (${code})${where}`);
  }
  return lines;
}

export type FieldPath = ReadonlyArray<string | number>;

/**
 * Reports a problem at a field path of some records. `code` names the kind of problem; a
 * checker that leaves it out gets its caller's code for that checker.
 */
export type Reporter = (path: FieldPath, message: string, code?: string) => void;

// A key that would read as more than one step (`a.b`, `x[0]`) is written quoted, so that
// `parsePath` can always undo `formatPath`.
const PLAIN_KEY = /^[^.[\]"]+$/;

/** `['positions', 3, 'value']` → `positions[3].value`. */
export function formatPath(path: FieldPath): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (!PLAIN_KEY.test(part)) out += `[${JSON.stringify(part)}]`;
    else out += out ? `.${part}` : part;
  }
  return out;
}

const STEP = /\.?([^.[\]"]+)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/y;

/** The inverse of `formatPath`; a text that is not a formatted path gives the steps read so far. */
export function parsePath(text: string): (string | number)[] {
  const path: (string | number)[] = [];
  STEP.lastIndex = 0;
  for (let m = STEP.exec(text); m; m = STEP.exec(text)) {
    if (m[1] !== undefined) path.push(m[1]);
    else if (m[2] !== undefined) path.push(Number(m[2]));
    else path.push(JSON.parse(m[3]!) as string);
  }
  return path;
}

/** Orders located diagnostics by file, line and column; the sort is stable, so ties keep report order. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fileA = a.file ?? '';
  const fileB = b.file ?? '';
  if (fileA !== fileB) return fileA < fileB ? -1 : 1;
  if ((a.line ?? 0) !== (b.line ?? 0)) return (a.line ?? 0) - (b.line ?? 0);
  return (a.column ?? 0) - (b.column ?? 0);
}
