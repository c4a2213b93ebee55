import {
  isWordText,
  type MarkerToken,
  type Paragraph,
  type Section,
  type Token,
  type TokenSpan,
} from './model.ts';

/**
 * Tokens as small integers, shared by both versions of a comparison: equal ids mean equal
 * tokens, so alignment and the word diff compare numbers instead of strings.
 */
export class Vocabulary {
  private readonly words = new Map<string, number>();
  /** Marker ids per kind and shape (see `markerTable`), then by party ('' when unattributed). */
  private readonly markers = [new Map<string, number>(), new Map(), new Map(), new Map(), new Map()];
  /** Per id: true for words (letters or digits), false for punctuation and bracket markers. */
  readonly isWord: boolean[] = [];
  /** Per id: the token kind (`word`, `open`, `alt`, `close`). */
  readonly kind: Token['kind'][] = [];
  /** Per id: a marker's party (undefined for words, closing markers and unattributed markers). */
  readonly party: (string | undefined)[] = [];
  /** Per parser's store: the id of each of its token keys (see `TokenStore.tokenKey`), -1 until met. */
  private readonly keyed = new Map<TokenSpan['store'], Int32Array>();

  id(token: Token): number {
    return token.kind === 'word'
      ? this.lookUp(this.words, token.text, 'word')
      : this.lookUp(
          this.markers[markerTable(token.kind, token.shape)] as Map<string, number>,
          token.party ?? '',
          token.kind,
        );
  }

  /** The id of token `i` of a parser's store, read without building the token. */
  storedId(store: TokenSpan['store'], i: number): number {
    const kind = store.kind(i);
    return kind === 'word'
      ? this.lookUp(this.words, store.text(i), 'word')
      : this.lookUp(
          this.markers[markerTable(kind, store.shape(i))] as Map<string, number>,
          store.party(i) ?? '',
          kind,
        );
  }

  private lookUp(table: Map<string, number>, key: string, kind: Token['kind']): number {
    const found = table.get(key);
    if (found !== undefined) return found;
    const id = this.isWord.length;
    table.set(key, id);
    this.isWord.push(kind === 'word' && isWordText(key));
    this.kind.push(kind);
    this.party.push(kind === 'word' || key === '' ? undefined : key);
    return id;
  }

  /** A unit's fingerprint, from the parser's store when the unit has its tokens there. */
  unit(unit: Paragraph | Section): Fingerprint {
    const isParagraph = 'tokens' in unit;
    const span = isParagraph ? unit.span : unit.headingSpan;
    if (span) return this.fingerprintSpan(span);
    return this.fingerprint(isParagraph ? unit.tokens : unit.headingTokens);
  }

  fingerprintSpan({ store, from, to }: TokenSpan): Fingerprint {
    // A token's id is looked up by its text (or party) once per distinct token of the store,
    // then by the store's key for it.
    let known = this.keyed.get(store);
    if (!known || known.length < store.tokenKeys) {
      // (Grown if the store took tokens since: its keys are numbered again, the old ones kept.)
      const grown = new Int32Array(store.tokenKeys).fill(-1);
      if (known) grown.set(known);
      known = grown;
      this.keyed.set(store, known);
    }
    const ids: number[] = new Array<number>(to - from);
    for (let i = from; i < to; i++) {
      const key = store.tokenKey(i);
      let id = known[key] as number;
      if (id < 0) known[key] = id = this.storedId(store, i);
      ids[i - from] = id;
    }
    return this.withBag(ids);
  }

  fingerprint(tokens: readonly Token[]): Fingerprint {
    // Plain arrays: thousands of small typed arrays measured slower to allocate than these.
    const ids: number[] = new Array<number>(tokens.length);
    for (let i = 0; i < tokens.length; i++) ids[i] = this.id(tokens[i] as Token);
    return this.withBag(ids);
  }

  private withBag(ids: number[]): Fingerprint {
    const isWordId = this.isWord;
    let words = 0;
    for (let i = 0; i < ids.length; i++) if (isWordId[ids[i] as number]) words++;
    return new UnitPrint(ids, words, hashIds(ids), isWordId);
  }
}

/**
 * A fingerprint whose bag is built when first asked for: only units left unpaired by id and
 * identical text are compared by their words, and a long text's bags held every word id twice.
 */
class UnitPrint implements Fingerprint {
  private words: TokenIds | undefined;

  constructor(
    readonly ids: TokenIds,
    readonly bagSize: number,
    readonly hash: number,
    private readonly isWordId: readonly boolean[],
  ) {}

  get bag(): TokenIds {
    if (this.words) return this.words;
    const { ids, isWordId } = this;
    const bag: number[] = new Array<number>(this.bagSize);
    for (let i = 0, w = 0; w < bag.length; i++) if (isWordId[ids[i] as number]) bag[w++] = ids[i] as number;
    return (this.words = bag);
  }
}

/** Which marker table a bracket marker's ids live in: one per kind and shape. */
function markerTable(kind: Token['kind'], shape: MarkerToken['shape']): number {
  return kind === 'alt' ? 0 : (kind === 'open' ? 1 : 3) + (shape === 'square' ? 0 : 1);
}

/** Token ids of a unit, or of the words of a unit. */
export type TokenIds = readonly number[];

export interface Fingerprint {
  /** Token ids in order: what the word diff compares. */
  ids: TokenIds;
  /** Ids of the words only, in text order: what similarity compares. */
  readonly bag: TokenIds;
  /** How many words `bag` holds (known without building it). */
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
