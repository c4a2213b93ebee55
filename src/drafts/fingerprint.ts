import { isWord, type Token } from './model.ts';

/**
 * Tokens as small integers, shared by both versions of a comparison: equal ids mean equal
 * tokens, so alignment and the word diff compare numbers instead of strings.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  /** Per id: true for words (letters or digits), false for punctuation and bracket markers. */
  readonly isWord: boolean[] = [];
  /** Per id: the token kind (`word`, `open`, `alt`, `close`). */
  readonly kind: Token['kind'][] = [];

  id(token: Token): number {
    const key = token.kind === 'word' ? token.text : markerKey(token);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.isWord.length;
      this.ids.set(key, id);
      this.isWord.push(isWord(token));
      this.kind.push(token.kind);
    }
    return id;
  }

  fingerprint(tokens: readonly Token[]): Fingerprint {
    const ids = new Int32Array(tokens.length);
    const isWordId = this.isWord;
    let words = 0;
    for (let i = 0; i < tokens.length; i++) {
      const id = this.id(tokens[i] as Token);
      ids[i] = id;
      if (isWordId[id]) words++;
    }
    const bag = new Int32Array(words);
    for (let i = 0, w = 0; i < ids.length; i++) if (isWordId[ids[i] as number]) bag[w++] = ids[i] as number;
    return { ids, bag, hash: hashIds(ids) };
  }
}

/** What makes two tokens the same token: the word, or the marker's kind, shape and party. */
export function tokenKey(token: Token): string {
  return token.kind === 'word' ? token.text : markerKey(token);
}

function markerKey(token: Exclude<Token, { kind: 'word' }>): string {
  return `\u0000${token.kind}:${token.shape}:${token.party ?? ''}`;
}

export interface Fingerprint {
  /** Token ids in order: what the word diff compares. */
  ids: Int32Array;
  /** Ids of the words only, in text order: what similarity compares. */
  bag: Int32Array;
  /** A 64-bit hash of `ids` as text: equal token sequences have equal hashes (confirm with `sameIds`). */
  hash: string;
}

/** The best Dice two bags of these sizes could reach: pairs below a threshold are skipped unseen. */
export function diceUpperBound(sizeA: number, sizeB: number): number {
  const total = sizeA + sizeB;
  return total === 0 ? 1 : (2 * Math.min(sizeA, sizeB)) / total;
}

/** Two independent 32-bit FNV-1a style hashes: cheap, and a collision is confirmed away by `sameIds`. */
function hashIds(ids: Int32Array): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193 ^ ids.length;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as number;
    h1 = Math.imul(h1 ^ id, 0x01000193);
    h2 = Math.imul(h2 ^ (id + 0x9e3779b9), 0x5bd1e995);
  }
  return `${ids.length}:${h1 >>> 0}:${h2 >>> 0}`;
}

export function sameIds(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
