import type { DraftDiagnostic } from '@parley/core/drafts/model.ts';
import { parseDraft, type ParseResult } from '@parley/core/drafts/parse.ts';
import { redline } from '@parley/core/drafts/redline.ts';
import { toRedlineJson, type RedlineJson } from '@parley/core/drafts/render-json.ts';

/** Which of the two texts a problem is in. */
export type TextSide = 'before' | 'after';

/** A text the user chose or pasted: it stays in the browser. */
export interface LocalText {
  /** The file's name, or what the page calls a pasted text. */
  name: string;
  text: string;
}

export interface LocalProblem {
  side: TextSide;
  /** The file's name or the field's, as the page shows it. */
  name: string;
  line: number;
  column: number;
  message: string;
}

export type LocalRedlineAnswer =
  | {
      ok: true;
      redline: RedlineJson;
      /** Advice, not a stop (e.g. an unbalanced bracket in a plain Markdown text). */
      warnings: LocalProblem[];
      /** Time spent on each step in the worker, in milliseconds. */
      ms: { parse: number; redline: number };
    }
  | { ok: false; problems: LocalProblem[] }
  /** The engine itself failed: its message, never a stack. */
  | { ok: false; failure: string };

/**
 * What the page asks the worker: to read a text as soon as it is given (so a Compare finds it
 * parsed), or to compare two texts. Only a comparison is answered, with the request's id.
 */
export type LocalRedlineRequest =
  | { kind: 'read'; side: TextSide; text: LocalText }
  | { kind: 'compare'; id: number; before: LocalText; after: LocalText };
export type LocalRedlineReply = LocalRedlineAnswer & { id: number };

/** A parse's diagnostics as the page lists them: errors (which stop the redline) and warnings. */
function problemsOf(side: TextSide, name: string, diagnostics: readonly DraftDiagnostic[]) {
  const located = (d: DraftDiagnostic): LocalProblem => ({
    side,
    name,
    line: d.line,
    column: d.column,
    message: d.message,
  });
  return {
    errors: diagnostics.filter((d) => d.severity === 'error').map(located),
    warnings: diagnostics.filter((d) => d.severity !== 'error').map(located),
  };
}

/** Reads (parses) one text as the redline needs it. */
export function readText({ name, text }: LocalText): ParseResult {
  return parseDraft(text, { file: name });
}

/**
 * The redline between two local texts with the same engine as the server's (parse, align, word
 * diff), as the JSON the redline view draws. A text with errors gets no redline: every error of
 * both texts comes back at its line and column instead. `read` may answer from texts read earlier.
 */
export function localRedline(
  before: LocalText,
  after: LocalText,
  read: (side: TextSide, text: LocalText) => ParseResult = (_, text) => readText(text),
): LocalRedlineAnswer {
  const start = performance.now();
  const a = read('before', before);
  const b = read('after', after);
  const pa = problemsOf('before', before.name, a.diagnostics);
  const pb = problemsOf('after', after.name, b.diagnostics);
  if (pa.errors.length + pb.errors.length > 0) return { ok: false, problems: [...pa.errors, ...pb.errors] };
  const parsed = performance.now();
  const result = redline(a.document, b.document);
  const json = toRedlineJson(
    result,
    { label: before.name, title: a.document.title },
    { label: after.name, title: b.document.title },
  );
  return {
    ok: true,
    redline: json,
    warnings: [...pa.warnings, ...pb.warnings],
    ms: { parse: parsed - start, redline: performance.now() - parsed },
  };
}
