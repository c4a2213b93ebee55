import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';

/**
 * Counts the statements that may change the database, as they are sent. For an embedded
 * database, which no other process opens, this process sees every write, so what was read at
 * one count is still true while the count stands: answers about a case (its revision, a
 * member's roles) can be kept without asking the database again. Raw SQL counts as a write.
 */
export class WriteGeneration implements KyselyPlugin {
  #count = 0;

  get current(): number {
    return this.#count;
  }

  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (node.kind !== 'SelectQueryNode') this.#count++;
    return node;
  }

  async transformResult({ result }: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return result;
  }
}
