import { isWord, type MarkerToken, type Token } from './model.ts';

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

  id(token: Token): number {
    const table =
      token.kind === 'word' ? this.words : (this.markers[markerTable(token)] as Map<string, number>);
    const key = token.kind === 'word' ? token.text : (token.party ?? '');
    const id = table.get(key);
    return id === undefined ? this.add(table, key, token) : id;
  }

  private add(table: Map<string, number>, key: string, token: Token): number {
    const id = this.isWord.length;
    table.set(key, id);
    this.isWord.push(isWord(token));
    this.kind.push(token.kind);
    return id;
  }

  fingerprint(tokens: readonly Token[]): Fingerprint {
    // Plain arrays: thousands of small typed arrays measured slower to allocate than these.
    const ids: number[] = new Array<number>(tokens.length);
    const isWordId = this.isWord;
    let words = 0;
    for (let i = 0; i < tokens.length; i++) {
      const id = this.id(tokens[i] as Token);
      ids[i] = id;
      if (isWordId[id]) words++;
    }
    const bag: number[] = new Array<number>(words);
    for (let i = 0, w = 0; w < words; i++) if (isWordId[ids[i] as number]) bag[w++] = ids[i] as number;
    return { ids, bag, hash: hashIds(ids) };
  }
}

/** Which marker table a bracket marker's ids live in: one per kind and shape. */
function markerTable(token: MarkerToken): number {
  return token.kind === 'alt' ? 0 : (token.kind === 'open' ? 1 : 3) + (token.shape === 'square' ? 0 : 1);
}

/** Token ids of a unit, or of the words of a unit. */
export type TokenIds = readonly number[];

export interface Fingerprint {
  /** Token ids in order: what the word diff compares. */
  ids: TokenIds;
  /** Ids of the words only, in text order: what similarity compares. */
  bag: TokenIds;
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
