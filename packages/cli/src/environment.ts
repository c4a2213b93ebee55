/**
 * What the CLI learns from where it runs rather than from its arguments. The composition root
 * (bin/parley.mjs) knows the repository's layout and fills it in; tests pass their own.
 */
export interface Environment {
  /** The folder of reference instruments (`library/instruments` in the repository). */
  libraryDir: string;
  /** The embedded default case (`cases/istanbul-2022`), which `parley serve` stores on first start. */
  embeddedCaseDir: string;
}
