import openapiTS, { astToString } from 'openapi-typescript';

/** The TypeScript types of an OpenAPI 3.1 document (openapi-typescript), for src/api/schema.d.ts. */
export async function typesOfOpenApi(document: Record<string, unknown>): Promise<string> {
  return astToString(await openapiTS(JSON.stringify(document)));
}
