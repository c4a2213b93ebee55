import type { Bracket, DraftDiagnostic, MarkerToken, ParseMode } from './model.ts';
import type { TokenStore } from './token-store.ts';

/**
 * Scans the inline text of headings and paragraphs into tokens, pairing brackets with a stack
 * that lives for a whole section: UN drafts bracket several paragraphs at once, but a bracket
 * never crosses a heading, so a section end is where an unclosed bracket is reported.
 */
export interface InlineScanner {
  mode: ParseMode;
  file?: string;
  knownParties?: ReadonlySet<string>;
  /** Plain mode: labels of Markdown link definitions, so `[text][label]` is not a bracket pair. */
  linkLabels: ReadonlySet<string>;
  /** The longest of them: a longer bracket names no link, and is not cut out to be looked up. */
  longestLinkLabel: number;
  brackets: Bracket[];
  diagnostics: DraftDiagnostic[];
  /** Ids of the brackets open at this point, innermost last. */
  stack: number[];
  /**
   * Opening brackets beyond `MAX_BRACKET_DEPTH` still open: each was read as plain text, and so
   * is the closing bracket that matches it.
   */
  overflow: number;
  /**
   * The last look for a `]`: the first one at or after `closeFrom` is at `closeAt` (-1: none).
   * Every `[` looks for the next `]`; reusing the answer keeps a text of many `[` linear.
   */
  closeFrom: number;
  closeAt: number;
}

/**
 * How deep brackets may nest (docs/drafts-format.md). Real drafts nest a few levels; a text
 * nested deeper is refused at the first bracket past the bound, so that every reader (validate,
 * diff, the exports, the redline) sees the same brackets and none recurses without limit.
 */
export const MAX_BRACKET_DEPTH = 32;

export function createScanner(
  mode: ParseMode,
  options: { file?: string; knownParties?: ReadonlySet<string>; linkLabels?: ReadonlySet<string> },
  brackets: Bracket[],
  diagnostics: DraftDiagnostic[],
): InlineScanner {
  const linkLabels = options.linkLabels ?? new Set<string>();
  let longestLinkLabel = 0;
  for (const label of linkLabels) longestLinkLabel = Math.max(longestLinkLabel, label.length);
  return {
    mode,
    file: options.file,
    knownParties: options.knownParties,
    linkLabels,
    longestLinkLabel,
    brackets,
    diagnostics,
    stack: [],
    overflow: 0,
    closeFrom: Infinity,
    closeAt: -1,
  };
}

// Character classes, looked up by char code: the scanner runs over whole treaties on every diff.
const WORD = 0;
const SPACE = 1;
const PUNCTUATION = 2; // its own token, so that a changed comma is not a changed word
const SPECIAL = 3; // brackets and the backslash escape
const charClass = new Uint8Array(0x10000);
for (const ch of ' \t\n\r\f\v\u00a0\u2002\u2003\u2009\u202f\u3000') charClass[ch.charCodeAt(0)] = SPACE;
for (const ch of '.,;:!?()"“”«»*') charClass[ch.charCodeAt(0)] = PUNCTUATION;
for (const ch of '[]{}|\\') charClass[ch.charCodeAt(0)] = SPECIAL;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
const ATTRIBUTION_AFTER_SQUARE = /([a-z][a-z0-9-]*):[ \t]+/y;
const ATTRIBUTION_IN_CHOICE = /[ \t]*([a-z][a-z0-9-]*):[ \t]+/y;
const FOOTNOTE_REF = /\[\^[^\]\s]+\]/y;
/**
 * `[text](url)` and `![alt](url)`, with an optional title. The destination must look like an
 * address (a `/`, `:`, `#` or `?`, a `.` before a letter, or `<…>`): UN drafts write
 * `paragraph [x](a)` and `[2](2.1)`, a bracketed number followed by a sub-paragraph number.
 */
const INLINE_LINK =
  /!?\[[^[\]]*\]\((?:<[^<>\n]*>|[^\s()<>]*(?:[/:#?]|\.[A-Za-z])[^\s()<>]*)(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'))?\)/y;
/** A task box `[ ]`, `[x]`, `[X]` opening a list item, followed by a space. */
const TASK_BOX = /\[[ xX]\](?=[ \t])/y;

function report(
  scanner: InlineScanner,
  code: DraftDiagnostic['code'],
  line: number,
  column: number,
  message: string,
): void {
  // Foreign texts have typing slips in their brackets; they are reported but do not fail a parse.
  const severity = scanner.mode === 'plain' ? 'warning' : 'error';
  scanner.diagnostics.push({ file: scanner.file, path: '', line, column, code, severity, message });
}

/**
 * Appends the tokens of `text[from, to)`, inline text within one line, to `store` (whose source
 * `text` is), in the unit whose tokens start at `unitFrom`.
 * `column0` is the column of `text[from]` in the source line; `space` says whether a space precedes
 * it (true for continuation lines of a paragraph); `listItem` that `text[from]` is the first
 * character after a list marker (where a task box may stand). The parser passes the whole source text with
 * the line's bounds rather than the line itself: a line cut from the text is a slice of it, and
 * reading characters through a slice measured markedly slower in this, the parser's hottest loop.
 */
export function scanLine(
  scanner: InlineScanner,
  text: string,
  from: number,
  to: number,
  line: number,
  column0: number,
  unit: string,
  store: TokenStore,
  unitFrom: number,
  space: boolean,
  listItem = false,
): void {
  const plain = scanner.mode === 'plain';
  // State of the line in an object with methods rather than closures: this runs for every line.
  const out = new LineTokens(store, space);

  let i = from;
  const length = to;
  while (i < length) {
    const code = text.charCodeAt(i);
    const type = charClass[code];
    const column = column0 + i - from;
    if (plain && (code === 0x5b || code === 0x21)) {
      // Markdown constructs written with square brackets are one token of text, not brackets.
      const literal = markdownLiteral(scanner, text, i, to, listItem && i === from);
      if (literal) {
        out.literal(i, i + literal.length);
        i += literal.length;
        continue;
      }
    }
    if (type === WORD) {
      // A run of word characters at once; a word may continue after an escape (`US\$100`).
      let end = i + 1;
      while (end < length && charClass[text.charCodeAt(end)] === WORD) end++;
      out.addWordText(i, end, undefined);
      i = end;
      continue;
    }
    if (type === SPACE) {
      out.flush();
      out.pendingSpace = true;
      i++;
      continue;
    }
    if (type === PUNCTUATION) {
      out.literal(i, i + 1);
      i++;
      continue;
    }
    const ch = text[i] as string;
    if (ch === '\\' && i + 1 < length && ESCAPABLE.test(text[i + 1] as string)) {
      out.addWordText(i, i + 2, text[i + 1] as string);
      i += 2;
      continue;
    }
    if ((ch === '[' || (!plain && ch === '{')) && scanner.stack.length >= MAX_BRACKET_DEPTH) {
      if (scanner.overflow === 0)
        report(
          scanner,
          'bracket-too-deep',
          line,
          column,
          `"${ch}" nests brackets deeper than ${MAX_BRACKET_DEPTH} levels: it and the brackets inside it are read as text`,
        );
      scanner.overflow++;
      out.addWordText(i, i + 1, undefined);
      i++;
      continue;
    }
    if (scanner.overflow > 0 && (ch === ']' || (!plain && (ch === '}' || ch === '|')))) {
      if (ch !== '|') scanner.overflow--;
      out.addWordText(i, i + 1, undefined);
      i++;
      continue;
    }
    if (ch === '[' || (!plain && ch === '{')) {
      out.flush();
      const shape = ch === '[' ? 'square' : 'choice';
      const attribution = plain
        ? undefined
        : execAt(shape === 'square' ? ATTRIBUTION_AFTER_SQUARE : ATTRIBUTION_IN_CHOICE, text, i + 1);
      const party = attribution?.[1];
      if (party) checkParty(scanner, party, line, column + 1 + attribution[0].indexOf(party));
      const id = scanner.brackets.length;
      const parent = scanner.stack.at(-1);
      const bracket: Bracket = {
        id,
        shape,
        depth: scanner.stack.length + 1,
        open: { line, column },
        unit,
      };
      if (parent !== undefined) bracket.parent = parent;
      if (shape === 'choice') bracket.alternatives = [party];
      else if (party) bracket.party = party;
      // `[a] [b]`: a square bracket right after a closed one at the same level is its alternative.
      const previous = store.count > unitFrom ? store.count - 1 : -1;
      if (
        shape === 'square' &&
        previous >= 0 &&
        store.kind(previous) === 'close' &&
        store.shape(previous) === 'square'
      ) {
        const sibling = scanner.brackets[store.bracket(previous)];
        if (sibling && sibling.parent === parent) bracket.alternativeTo = sibling.alternativeTo ?? sibling.id;
      }
      scanner.brackets.push(bracket);
      scanner.stack.push(id);
      const end = i + 1 + (attribution?.[0].length ?? 0);
      out.marker('open', id, shape, party, i, end);
      i = end;
      continue;
    }
    const top = scanner.stack.at(-1);
    const topBracket = top === undefined ? undefined : scanner.brackets[top];
    if (!plain && ch === '|' && topBracket?.shape === 'choice') {
      out.flush();
      reportEmptyAlternative(scanner, store, unitFrom, topBracket.id, line, column);
      const attribution = execAt(ATTRIBUTION_IN_CHOICE, text, i + 1);
      const party = attribution?.[1];
      if (party) checkParty(scanner, party, line, column + 1 + attribution[0].indexOf(party));
      topBracket.alternatives?.push(party);
      const end = i + 1 + (attribution?.[0].length ?? 0);
      out.marker('alt', topBracket.id, 'choice', party, i, end);
      i = end;
      continue;
    }
    if (ch === ']' || (!plain && ch === '}')) {
      const shape = ch === ']' ? 'square' : 'choice';
      if (!topBracket) {
        report(scanner, 'unmatched-close', line, column, `unmatched "${ch}": no bracket is open here`);
        out.literal(i, i + 1);
      } else if (topBracket.shape !== shape) {
        const opener = topBracket.shape === 'square' ? '[' : '{';
        report(
          scanner,
          'mismatched-close',
          line,
          column,
          `"${ch}" cannot close "${opener}" opened at ${topBracket.open.line}:${topBracket.open.column}`,
        );
        out.literal(i, i + 1);
      } else {
        out.flush();
        if (shape === 'choice') reportEmptyAlternative(scanner, store, unitFrom, topBracket.id, line, column);
        topBracket.close = { line, column };
        scanner.stack.pop();
        out.marker('close', topBracket.id, shape, undefined, i, i + 1);
      }
      i++;
      continue;
    }
    // `{`, `}` and `|` are plain text in plain mode, as is a `|` outside a choice.
    out.addWordText(i, i + 1, undefined);
    i++;
  }
  out.flush();
}

/** The tokens of one line as they are scanned: the word being built and whether space precedes. */
class LineTokens {
  /** Source span of the word being built (a word may span an escape); empty between words. */
  private wordStart = -1;
  private wordEnd = -1;
  /** The word's text when it is not its source span (after an escape), else undefined. */
  private word: string | undefined;

  constructor(
    private readonly store: TokenStore,
    public pendingSpace: boolean,
  ) {}

  /** Source `[start, end)` continues the word; `text` when it reads otherwise (an escape). */
  addWordText(start: number, end: number, text: string | undefined): void {
    const source = this.store.source;
    if (this.wordStart < 0) {
      this.wordStart = start;
      this.word = text;
    } else if (this.word !== undefined || text !== undefined || start !== this.wordEnd) {
      this.word =
        (this.word ?? source.slice(this.wordStart, this.wordEnd)) + (text ?? source.slice(start, end));
    }
    this.wordEnd = end;
  }

  /** Ends the word being built, if any. */
  flush(): void {
    if (this.wordStart >= 0) {
      this.store.word(this.wordStart, this.wordEnd, this.word, this.pendingSpace);
      this.pendingSpace = false;
      this.wordStart = -1;
      this.word = undefined;
    }
  }

  /** A token of its own at source `[start, end)`: a punctuation mark, a stray closing bracket, a footnote reference. */
  literal(start: number, end: number): void {
    this.flush();
    this.store.word(start, end, undefined, this.pendingSpace);
    this.pendingSpace = false;
  }

  marker(
    kind: MarkerToken['kind'],
    bracket: number,
    shape: MarkerToken['shape'],
    party: string | undefined,
    start: number,
    end: number,
  ): void {
    this.store.marker(kind, bracket, shape, party, start, end, this.pendingSpace);
    this.pendingSpace = false;
  }
}

function checkParty(scanner: InlineScanner, party: string, line: number, column: number): void {
  if (scanner.knownParties && !scanner.knownParties.has(party)) {
    report(scanner, 'unknown-party', line, column, `unknown party "${party}": not an actor id of this case`);
  }
}

/** `{ua: | ru: x}`: an alternative with no words is a slip, not a position. */
function reportEmptyAlternative(
  scanner: InlineScanner,
  store: TokenStore,
  unitFrom: number,
  bracket: number,
  line: number,
  column: number,
): void {
  const previous = store.count > unitFrom ? store.count - 1 : -1;
  const kind = previous >= 0 ? store.kind(previous) : 'word';
  if (kind !== 'word' && kind !== 'close' && store.bracket(previous) === bracket) {
    report(
      scanner,
      'empty-alternative',
      line,
      column,
      'empty alternative: each alternative of a choice needs wording',
    );
  }
}

/** Reports every bracket still open when a section ends, and forgets them. */
export function closeSection(scanner: InlineScanner, endLine: number): void {
  for (const id of scanner.stack) {
    const bracket = scanner.brackets[id];
    if (!bracket) continue;
    const opener = bracket.shape === 'square' ? '[' : '{';
    report(
      scanner,
      'unclosed-bracket',
      bracket.open.line,
      bracket.open.column,
      `"${opener}" is never closed (its section ends at line ${endLine})`,
    );
  }
  scanner.stack = [];
  scanner.overflow = 0;
}

// The sticky patterns above are shared by every parse, but their lastIndex is set right before
// each exec, in the same synchronous step: no call ever reads a position another call left.
function execAt(pattern: RegExp, text: string, index: number): RegExpExecArray | undefined {
  pattern.lastIndex = index;
  return pattern.exec(text) ?? undefined;
}

function matchAt(pattern: RegExp, text: string, index: number): string | undefined {
  return execAt(pattern, text, index)?.[0];
}

/**
 * The Markdown construct at `index` (a `[` or `!`) that ends by `end` (the end of its line), if
 * any: the one rule by which plain mode tells Markdown from negotiation brackets. Each construct
 * is recognised only where Markdown itself would read it, so a bracket that merely looks alike
 * (`[label]` with no `[label]: url` definition, `[x](a)`) stays a bracket.
 */
function markdownLiteral(
  scanner: InlineScanner,
  text: string,
  index: number,
  end: number,
  listItemStart: boolean,
): string | undefined {
  if (text.charCodeAt(index) === 0x21) {
    // `!` is only looked at further when an image `![` starts here.
    return text.charCodeAt(index + 1) === 0x5b
      ? within(matchAt(INLINE_LINK, text, index), index, end)
      : undefined;
  }
  // Most brackets are followed by neither `(` nor `[` and contain no `^`: cheap looks first.
  if (text.charCodeAt(index + 1) === 0x5e) return within(matchAt(FOOTNOTE_REF, text, index), index, end);
  if (listItemStart) {
    const box = within(matchAt(TASK_BOX, text, index), index, end);
    if (box) return box;
  }
  const close = nextClose(scanner, text, index + 1);
  if (close < 0 || close >= end) return undefined;
  const next = text.charCodeAt(close + 1);
  if (next === 0x28) return within(matchAt(INLINE_LINK, text, index), index, end);
  if (scanner.linkLabels.size === 0) return undefined;
  return referenceLink(scanner, text, index, close, end);
}

/**
 * `[label]`, `[text][label]` or `[label][]` at `index` (a `[`, its first `]` at `close`), ending
 * by `end`, when the text defines `[label]: url`: what /\[([^[\]]+)\](?:\[([^[\]]*)\])?/y would
 * match there, read by hand so that the scanner's hottest path builds no match arrays (15 MB of
 * them at ×50 COP21).
 */
function referenceLink(
  scanner: InlineScanner,
  text: string,
  index: number,
  close: number,
  end: number,
): string | undefined {
  const longest = scanner.longestLinkLabel;
  const followed = text.charCodeAt(close + 1) === 0x5b;
  // Most brackets are negotiation text, longer than any label (which is lowercased no shorter).
  if (!followed && close - index - 1 > longest) return undefined;
  // An empty label, or a `[` inside it, is no link.
  if (close === index + 1 || text.lastIndexOf('[', close) !== index) return undefined;
  let from = index + 1;
  let to = close;
  let stop = close + 1;
  if (followed) {
    // A shortcut `[label]` followed by another bracket is not a link (CommonMark): `[a][b]` with
    // `b` undefined is read as two brackets.
    const second = bracketEnd(text, close + 2);
    if (second < 0) return undefined;
    stop = second + 1;
    // `[label][]` (collapsed) names its first bracket.
    if (second > close + 2) {
      from = close + 2;
      to = second;
    }
  }
  if (stop > end || to - from > longest || !scanner.linkLabels.has(text.slice(from, to).toLowerCase()))
    return undefined;
  return text.slice(index, stop);
}

/** Where the `]` closing the bracket opened just before `from` is, or -1 when a `[` or the text's end comes first. */
function bracketEnd(text: string, from: number): number {
  for (let at = from; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x5d) return at;
    if (code === 0x5b) return -1;
  }
  return -1;
}

/** A match at `index` if it ends by `end`. (Not a closure: markdownLiteral runs for every `[`.) */
function within(match: string | undefined, index: number, end: number): string | undefined {
  return match !== undefined && index + match.length <= end ? match : undefined;
}

/** Where the first `]` at or after `from` is (-1: none), remembering the answer for later looks. */
function nextClose(scanner: InlineScanner, text: string, from: number): number {
  const known = from >= scanner.closeFrom && (scanner.closeAt < 0 || from <= scanner.closeAt);
  if (!known) {
    scanner.closeFrom = from;
    scanner.closeAt = text.indexOf(']', from);
  }
  return scanner.closeAt;
}
