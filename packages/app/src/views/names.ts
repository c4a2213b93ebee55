/** The views of a case, in the order `show` lists them; overview is the default. */
export const viewNames = [
  'overview',
  'timeline',
  'actors',
  'roles',
  'rounds',
  'issues',
  'positions',
  'history',
  'drafts',
  'claims',
  'sources',
] as const;

export type ViewName = (typeof viewNames)[number];
