import type { Case } from '@parley/model/case.ts';
import type { Actor } from '@parley/model/schema/actors.ts';

export interface ActorsJson {
  view: 'actors';
  case: string;
  actors: Array<Actor & { roles: string[] }>;
}

/** Every actor with the kinds of role it holds anywhere in the case. */
export function actorsView(c: Case): ActorsJson {
  return {
    view: 'actors',
    case: c.meta.id,
    actors: c.actors.map((a) => ({
      ...a,
      roles: [...new Set(c.roles.filter((r) => r.actor === a.id).map((r) => r.role))],
    })),
  };
}
