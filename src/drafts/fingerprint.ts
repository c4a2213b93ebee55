import { isWord, type Token } from './model.ts';

/**
 * Tokens as small integers, shared by both versions of a comparison: equal ids mean equal
 * tokens, so alignment and the word diff compare numbers instead of strings.
 */
export class Vocabulary {
  private readonly words = new Map<string, number>();
  /** Marker ids by kind and shape, then by party ('' when unattributed): no key strings to build. */
  private readonly markers = new Map<string, Map<string, number>>();
  /** Per id: true for words (letters or digits), false for punctuation and bracket markers. */
  readonly isWord: boolean[] = [];
  /** Per id: the token kind (`word`, `open`, `alt`, `close`). */
  readonly kind: Token['kind'][] = [];

  id(token: Token): number {
    let table = this.words;
    let key: string;
    if (token.kind === 'word') key = token.text;
    else {
      const group = token.kind + token.shape;
      table = this.markers.get(group) ?? new Map<string, number>();
      if (table.size === 0) this.markers.set(group, table);
      key = token.party ?? '';
    }
    let id = table.get(key);
    if (id === undefined) {
      id = this.isWord.length;
      table.set(key, id);
      this.isWord.push(isWord(token));
      this.kind.push(token.kind);
    }
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
    for (let i = 0, w = 0; i < ids.length; i++) if (isWordId[ids[i] as number]) bag[w++] = ids[i] as number;
    return { ids, bag, hash: hashIds(ids) };
  }
}

/** Token ids of a unit, or of the words of a unit. */
export type TokenIds = readonly number[];

export interface Fingerprint {
  /** Token ids in order: what the word diff compares. */
  ids: TokenIds;
  /** Ids of the words only, in text order: what similarity compares. */
  bag: TokenIds;
  /** A 64-bit hash of `ids` as text: equal token sequences have equal hashes (confirm with `sameIds`). */
  hash: string;
}

/** The best Dice two bags of these sizes could reach: pairs below a threshold are skipped unseen. */
export function diceUpperBound(sizeA: number, sizeB: number): number {
  const total = sizeA + sizeB;
  return total === 0 ? 1 : (2 * Math.min(sizeA, sizeB)) / total;
}

/** Two independent 32-bit FNV-1a style hashes: cheap, and a collision is confirmed away by `sameIds`. */
function hashIds(ids: TokenIds): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ ids.length;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    h1 = Math.imul(h1 ^ id, 0x01000193);
    h2 = Math.imul(h2 ^ (id + 0x9e3779b9), 0x5bd1e995);
  }
  return `${ids.length}:${h1 >>> 0}:${h2 >>> 0}`;
}

export function sameIds(a: TokenIds, b: TokenIds): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
