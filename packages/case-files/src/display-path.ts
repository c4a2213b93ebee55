import path from 'node:path';

/** A file path as messages show it: relative to the working directory when inside it. */
export function displayPath(filePath: string): string {
  const rel = path.relative(process.cwd(), filePath);
  return rel && !rel.startsWith('..') ? rel : filePath;
}
