import {
  isWordText,
  type MarkerToken,
  type Paragraph,
  type Section,
  type Token,
  type TokenSpan,
} from './model.ts';
import { WordTable } from './word-table.ts';

/**
 * Tokens as small integers, shared by both versions of a comparison: equal ids mean equal
 * tokens, so alignment and the word diff compare numbers instead of strings.
 */
export class Vocabulary {
  /** Word ids by the words' characters (word-table.ts: no string cut out per token looked up). */
  private readonly words = new WordTable();
  /** Marker ids per kind and shape (see `markerTable`), then by party ('' when unattributed). */
  private readonly markers = [new Map<string, number>(), new Map(), new Map(), new Map(), new Map()];
  /** Per id: true for words (letters or digits), false for punctuation and bracket markers. */
  readonly isWord: boolean[] = [];
  /** Per id: the token kind (`word`, `open`, `alt`, `close`). */
  readonly kind: Token['kind'][] = [];
  /** Per id: a marker's party (undefined for words, closing markers and unattributed markers). */
  readonly party: (string | undefined)[] = [];
  /**
   * Per parser's store: the id of each of its tokens, at the token's position (-1 until its unit
   * is fingerprinted). A unit's ids are a view of it: numbers in an array per unit took 8 bytes
   * each, 18 MB for a treaty concatenated fifty times.
   */
  private readonly idsOf = new Map<TokenSpan['store'], Int32Array>();
  /** Per parser's store: marker ids by the store's marker code (see `TokenSource.markerCode`), a small number. */
  private readonly markerIdsOf = new Map<TokenSpan['store'], number[]>();
  /** Ids of units given as token objects, likewise views, of a buffer replaced when full. */
  private loose = new Int32Array(0);
  private looseUsed = 0;
  /** Where `wordRange` puts a stored word's offset and length. */
  private readonly range = new Int32Array(2);

  id(token: Token): number {
    return token.kind === 'word'
      ? this.wordId(token.text, 0, token.text.length)
      : this.markerId(token.kind, token.shape, token.party);
  }

  /** The id of the word `text[from, from + length)`, a new one the first time it is met. */
  private wordId(text: string, from: number, length: number): number {
    const next = this.isWord.length;
    const id = this.words.intern(text, from, length, next);
    if (id === next) this.register(isWordText(text.slice(from, from + length)), 'word', undefined);
    return id;
  }

  private markerId(kind: Token['kind'], shape: MarkerToken['shape'], party: string | undefined): number {
    const table = this.markers[markerTable(kind, shape)] as Map<string, number>;
    const key = party ?? '';
    const found = table.get(key);
    if (found !== undefined) return found;
    const id = this.isWord.length;
    table.set(key, id);
    this.register(false, kind, key === '' ? undefined : key);
    return id;
  }

  /** Records what the next id stands for. */
  private register(isWord: boolean, kind: Token['kind'], party: string | undefined): void {
    this.isWord.push(isWord);
    this.kind.push(kind);
    this.party.push(party);
  }

  /** A unit's fingerprint, from the parser's store when the unit has its tokens there. */
  unit(unit: Paragraph | Section): Fingerprint {
    const isParagraph = 'tokens' in unit;
    const span = isParagraph ? unit.span : unit.headingSpan;
    if (span) return this.fingerprintSpan(span);
    return this.fingerprint(isParagraph ? unit.tokens : unit.headingTokens);
  }

  fingerprintSpan({ store, from, to }: TokenSpan): Fingerprint {
    let all = this.idsOf.get(store);
    if (!all || all.length < store.count) {
      // (Grown if the store took tokens since: views made before keep the old buffer.)
      const grown = new Int32Array(store.count).fill(-1);
      if (all) grown.set(all);
      all = grown;
      this.idsOf.set(store, all);
    }
    // Each token's id read without building the token: a word by its characters where they lie,
    // a marker by its store's code for it.
    let markers = this.markerIdsOf.get(store);
    const range = this.range;
    for (let i = from; i < to; i++) {
      if ((all[i] as number) >= 0) continue;
      const kind = store.kind(i);
      if (kind === 'word') {
        const text = store.wordRange(i, range);
        all[i] = this.wordId(text, range[0] as number, range[1] as number);
        continue;
      }
      if (!markers) this.markerIdsOf.set(store, (markers = []));
      const code = store.markerCode(i);
      all[i] = markers[code] ??= this.markerId(kind, store.shape(i), store.party(i));
    }
    return this.withBag(all.subarray(from, to));
  }

  fingerprint(tokens: readonly Token[]): Fingerprint {
    // A view, not a typed array of its own: thousands of those measured slow to allocate.
    if (this.loose.length - this.looseUsed < tokens.length) {
      this.loose = new Int32Array(Math.max(LOOSE_ROOM, tokens.length, this.loose.length * 2));
      this.looseUsed = 0;
    }
    const ids = this.loose.subarray(this.looseUsed, (this.looseUsed += tokens.length));
    for (let i = 0; i < tokens.length; i++) ids[i] = this.id(tokens[i] as Token);
    return this.withBag(ids);
  }

  private withBag(ids: Int32Array): Fingerprint {
    const isWordId = this.isWord;
    let words = 0;
    for (let i = 0; i < ids.length; i++) if (isWordId[ids[i] as number]) words++;
    return new UnitPrint(ids, words, hashIds(ids), isWordId);
  }
}

/**
 * A fingerprint whose bag is built each time it is asked for, and not kept: only units left
 * unpaired by id and identical text are compared by their words, each in a few comparisons, and
 * kept bags held most word ids a second time through the whole redline. (A plain array: a typed
 * array of its own per bag measured several times slower to allocate.)
 */
class UnitPrint implements Fingerprint {
  constructor(
    readonly ids: Int32Array,
    readonly bagSize: number,
    readonly hash: number,
    private readonly isWordId: readonly boolean[],
  ) {}

  bag(): number[] {
    const { ids, isWordId } = this;
    const bag = new Array<number>(this.bagSize);
    for (let i = 0, w = 0; w < bag.length; i++) if (isWordId[ids[i] as number]) bag[w++] = ids[i] as number;
    return bag;
  }
}

/** Which marker table a bracket marker's ids live in: one per kind and shape. */
function markerTable(kind: Token['kind'], shape: MarkerToken['shape']): number {
  return kind === 'alt' ? 0 : (kind === 'open' ? 1 : 3) + (shape === 'square' ? 0 : 1);
}

/** Token ids of a unit (a fingerprint's: a view of an Int32Array), or of the words of a unit. */
export type TokenIds = ArrayLike<number>;

/** Tokens of hand-built units (not parsed into a store) whose ids one buffer holds, at least. */
const LOOSE_ROOM = 4096;

export interface Fingerprint {
  /** Token ids in order: what the word diff compares. */
  ids: Int32Array;
  /** Ids of the words only, in text order: what similarity compares (built at each ask: hold it while in use). */
  bag(): readonly number[];
  /** How many words `bag()` holds (known without building it). */
  readonly bagSize: number;
  /** A hash of `ids`: equal token sequences have equal hashes (confirm with `sameIds`). */
  hash: number;
}

/** The best Dice two bags of these sizes could reach: pairs below a threshold are skipped unseen. */
export function diceUpperBound(sizeA: number, sizeB: number): number {
  const total = sizeA + sizeB;
  return total === 0 ? 1 : (2 * Math.min(sizeA, sizeB)) / total;
}

/**
 * A 32-bit FNV-1a style hash, as a number: a string key had to be built, then flattened and hashed
 * again by the Map it went into. Collisions are confirmed away by `sameIds`.
 */
function hashIds(ids: TokenIds): number {
  let hash = 0x811c9dc5 ^ ids.length;
  for (let i = 0; i < ids.length; i++) hash = Math.imul(hash ^ (ids[i] as number), 0x01000193);
  return hash;
}

export function sameIds(a: TokenIds, b: TokenIds): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
