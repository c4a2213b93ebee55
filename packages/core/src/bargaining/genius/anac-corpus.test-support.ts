// Test and bench support: the real ANAC domains in ../shared/corpora/genius/anac, read once each
// (a folder per domain: its domain file and its profiles). Absent when ../shared is not beside
// the repo: callers skip with a notice.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NegotiationDomain } from '../outcome-space.ts';
import { importGenius } from './genius-xml.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../..');
export const anacCorpus = path.resolve(repoRoot, '../shared/corpora/genius/anac');
export const hasAnacCorpus = existsSync(anacCorpus);

export interface AnacFiles {
  /** `year/domain`, e.g. `2011/Laptop`. */
  name: string;
  files: { file: string; text: string }[];
}

/** Every ANAC domain's files, sorted by name; none without the corpus. */
export function anacFiles(): AnacFiles[] {
  if (!hasAnacCorpus) return [];
  return readdirSync(anacCorpus).flatMap((year) =>
    readdirSync(path.join(anacCorpus, year)).map((name) => {
      const dir = path.join(anacCorpus, year, name);
      const files = readdirSync(dir)
        .sort()
        .map((f) => ({ file: path.join(dir, f), text: readFileSync(path.join(dir, f), 'utf8') }));
      return { name: `${year}/${name}`, files };
    }),
  );
}

/** Every ANAC domain imported (the file without weights is the domain), weights normalised. */
export function anacDomains(): { name: string; domain: NegotiationDomain }[] {
  return anacFiles().map(({ name, files }) => {
    const domainFile = files.find((f) => !/<weight\b/.test(f.text))!;
    const domain = importGenius(
      domainFile,
      files.filter((f) => f !== domainFile),
      { normalizeWeights: true },
    ).negotiation;
    return { name, domain };
  });
}
