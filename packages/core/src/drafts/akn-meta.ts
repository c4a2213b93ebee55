/** What the XML says about the document that its text does not. */
export interface AknMeta {
  /** The document id in the case, e.g. `security-treaty`. */
  documentId: string;
  /** The version id, e.g. `2022-04-15`. */
  versionId: string;
  /** The version date as `YYYY-MM-DD` (the earliest day of an uncertain EDTF date). */
  date: string;
  /**
   * The date of the Work, the same for every version of the document: the date of its first
   * version as `YYYY-MM-DD`. Defaults to `date` (right only for a document's first version).
   */
  workDate?: string;
  /** Actor id of the version's author, or `joint`. */
  author: string;
  /** Every party the text names (authors and bracket holders), with display names. */
  parties: { id: string; name: string }[];
  /** Issue ids get `TLCConcept` entries so provisions can refer to them. */
  issues?: { id: string; title: string }[];
  /** AKN country code of the FRBR URIs; `un` suits an international treaty. */
  country?: string;
  language?: string;
  /** True when the text is rebuilt from reports (also taken from the text's own `@reconstruction`). */
  reconstruction?: boolean;
  /** For a redline: the earlier version's id and date. */
  against?: { versionId: string; date: string };
}
