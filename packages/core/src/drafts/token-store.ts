import type { MarkerToken, Token, TokenSource } from './model.ts';

/**
 * Every token of one parsed text, packed into one Int32Array (three numbers a token) instead of
 * one object each: a treaty concatenated fifty times holds two million tokens, and as objects
 * with their strings they took about 115 bytes each, as numbers 12. A word's text is cut from
 * the source when asked for (kept aside only when it differs, after an escape). Units name a
 * range of the store (`TokenSpan`); their `Token` objects are built only when a renderer asks.
 */
export class TokenStore implements TokenSource {
  /** How many tokens are stored. */
  count = 0;
  private data: Int32Array;
  /** Words whose text is not their source slice (`US\$100` reads `US$100`), by token index. */
  private readonly texts = new Map<number, string>();
  /** Party names of markers (code - 1). */
  private readonly parties: string[] = [];
  /** Party codes of attributed markers, by token index: few tokens have one. */
  private readonly partyCodes = new Map<number, number>();
  /** Ends of tokens too long for their length to fit beside the flags, by token index. */
  private readonly longEnds = new Map<number, number>();
  private readonly partyIndex = new Map<string, number>();
  /** Where each line of the source starts, built when a token's line is first asked for. */
  private lineStarts: Int32Array | undefined;

  /** `source`: the text the offsets point into. */
  constructor(readonly source: string) {
    // Room for the tokens a text of this length usually holds (prose runs 5.5 characters a
    // token): growing by doubling from a small array held the old and the new copy at once,
    // and trimming copied once more, 3× the final size at the peak for a long text.
    this.data = new Int32Array(STRIDE * Math.max(1024, Math.ceil(source.length / CHARACTERS_PER_TOKEN)));
  }

  /** Appends a word found at `[start, end)` of the source; `text` only when it differs from that slice. */
  word(start: number, end: number, text: string | undefined, space: boolean): void {
    if (text !== undefined) this.texts.set(this.count, text);
    this.push(WORD | (space ? SPACE : 0) | (text !== undefined ? OWN_TEXT : 0), start, end, -1);
  }

  /** Appends a bracket marker: `[start, end)` is its mark with the attribution and the spacing after it (`[ru: `). */
  marker(
    kind: MarkerToken['kind'],
    bracket: number,
    shape: MarkerToken['shape'],
    party: string | undefined,
    start: number,
    end: number,
    space: boolean,
  ): void {
    if (party !== undefined) this.partyCodes.set(this.count, this.partyCode(party));
    const flags = KIND_CODE[kind] | (space ? SPACE : 0) | (shape === 'choice' ? CHOICE : 0);
    this.push(flags, start, end, bracket);
  }

  /** `word`, `open`, `alt` or `close`. */
  kind(i: number): Token['kind'] {
    return KINDS[(this.data[i * STRIDE] as number) & KIND_MASK] as Token['kind'];
  }

  /** A word's text (for a marker: its mark with the attribution, `[ru: `). */
  text(i: number): string {
    const at = i * STRIDE;
    if ((this.data[at] as number) & OWN_TEXT) return this.texts.get(i) as string;
    return this.source.slice(this.data[at + 1] as number, this.end(i));
  }

  start(i: number): number {
    return this.data[i * STRIDE + 1] as number;
  }

  end(i: number): number {
    const at = i * STRIDE;
    const length = (this.data[at] as number) >>> LENGTH_SHIFT;
    return length === LONG ? (this.longEnds.get(i) as number) : (this.data[at + 1] as number) + length;
  }

  bracket(i: number): number {
    return this.data[i * STRIDE + 2] as number;
  }

  shape(i: number): MarkerToken['shape'] {
    return (this.data[i * STRIDE] as number) & CHOICE ? 'choice' : 'square';
  }

  /** A marker's party (undefined for words, closing markers and unattributed brackets). */
  party(i: number): string | undefined {
    const code = this.partyCodes.get(i);
    return code === undefined ? undefined : this.parties[code - 1];
  }

  /**
   * Where word `i`'s text lies without cutting it out: the string holding it (the source, or the
   * word's own text after an escape) is returned, its offset there put in `range[0]` and its
   * length in `range[1]`. A vocabulary looks words up by their characters this way (word-table.ts).
   */
  wordRange(i: number, range: Int32Array): string {
    const at = i * STRIDE;
    const flags = this.data[at] as number;
    if (flags & OWN_TEXT) {
      const own = this.texts.get(i) as string;
      range[0] = 0;
      range[1] = own.length;
      return own;
    }
    const start = this.data[at + 1] as number;
    range[0] = start;
    range[1] = this.end(i) - start;
    return this.source;
  }

  /**
   * What tells markers apart, as one number: kind, shape and party (not spacing, nor length).
   * Equal codes within one store are equal markers; across stores, party numbers differ.
   */
  markerCode(i: number): number {
    const flags = this.data[i * STRIDE] as number;
    return (flags & (KIND_MASK | CHOICE)) | ((this.partyCodes.get(i) ?? 0) << PARTY_SHIFT);
  }

  /** Token `i` as an object, shaped as the parser always made them. */
  token(i: number): Token {
    const at = i * STRIDE;
    const data = this.data;
    const flags = data[at] as number;
    const space = (flags & SPACE) !== 0;
    // Line and column from the offset: a line starts after each `\n` (a `\r` before it ends the line).
    const start = data[at + 1] as number;
    const lineIndex = this.lineOf(start);
    const line = lineIndex + 1;
    const column = start - ((this.lineStarts as Int32Array)[lineIndex] as number) + 1;
    const kind = KINDS[flags & KIND_MASK] as Token['kind'];
    if (kind === 'word') return { kind, text: this.text(i), space, line, column };
    const shape = flags & CHOICE ? 'choice' : 'square';
    return { kind, bracket: data[at + 2] as number, shape, party: this.party(i), space, line, column };
  }

  /** Tokens `[from, to)` as objects. */
  tokens(from: number, to: number): Token[] {
    const tokens = new Array<Token>(to - from);
    for (let i = from; i < to; i++) tokens[i - from] = this.token(i);
    return tokens;
  }

  /** Drops the room reserved for tokens to come, once the text is read, unless it is little. */
  trim(): void {
    const used = this.count * STRIDE;
    if (this.data.length - used > used / 4) this.data = this.data.slice(0, used);
  }

  /** The index of the line holding source offset `offset`. */
  private lineOf(offset: number): number {
    const starts = (this.lineStarts ??= lineStarts(this.source));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  private partyCode(party: string): number {
    let code = this.partyIndex.get(party);
    if (code === undefined) {
      this.parties.push(party);
      code = this.parties.length;
      this.partyIndex.set(party, code);
    }
    return code;
  }

  private push(flags: number, start: number, end: number, bracket: number): void {
    let at = this.count * STRIDE;
    if (at + STRIDE > this.data.length) {
      const grown = new Int32Array(Math.ceil((this.data.length * 1.5) / STRIDE) * STRIDE);
      grown.set(this.data);
      this.data = grown;
    }
    const data = this.data;
    // The length beside the flags: a token longer than that field holds keeps its end aside.
    const length = end - start;
    if (length >= LONG) this.longEnds.set(this.count, end);
    data[at++] = flags | (Math.min(length, LONG) << LENGTH_SHIFT);
    data[at++] = start;
    data[at] = bracket;
    this.count++;
  }
}

function lineStarts(source: string): Int32Array {
  const starts = [0];
  for (let at = source.indexOf('\n'); at >= 0; at = source.indexOf('\n', at + 1)) starts.push(at + 1);
  return Int32Array.from(starts);
}

// Per token: flags (kind, space before, choice shape, own text) with the token's length in the
// source above them, its start there, and its bracket id (markers; -1 for words). Lines and columns are read from the start offset; a
// marker's party is kept aside. Its end had a number of its own: 8 MB more at fifty treaties.
const STRIDE = 3;
/** Fewer characters a token than prose has (5.5 in the COP21 drafts), so a text seldom outgrows its first array. */
const CHARACTERS_PER_TOKEN = 5;
const KIND_MASK = 3;
const WORD = 0;
const SPACE = 4;
const CHOICE = 8;
/** A word whose text is kept aside in `texts`. */
const OWN_TEXT = 16;
/** Where the length starts in the flags, and the length that means "longer: see `longEnds`". */
const LENGTH_SHIFT = 5;
const LONG = 2 ** 16 - 1;
/** Where the party code starts in a marker's code (`markerCode`). */
const PARTY_SHIFT = 5;
const KINDS = ['word', 'open', 'alt', 'close'] as const;
const KIND_CODE = { word: 0, open: 1, alt: 2, close: 3 } as const;
