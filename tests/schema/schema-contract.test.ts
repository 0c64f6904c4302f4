import { readFileSync } from 'node:fs';
import { buildASTSchema, GraphQLSchema, isEnumType, isInputObjectType, isIntrospectionType, isObjectType, isScalarType, isSpecifiedScalarType } from 'graphql';
import gql from 'graphql-tag';
import { renderSchemaFiles } from '../../scripts/lib/schema-files';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';

/** Federation's own types and fields, which Apollo describes (or not) itself. */
const FEDERATION_TYPES = new Set(['_Service', '_Any', 'FieldSet', 'link__Import', 'federation__FieldSet', '_Entity']);
const FEDERATION_FIELDS = new Set(['Query._entities', 'Query._service']);

function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || FEDERATION_TYPES.has(type.name) || /^(link|join|federation)__/.test(type.name)) continue;
    if (isScalarType(type) && isSpecifiedScalarType(type)) continue;
    if (!type.description && !['Query', 'Mutation'].includes(type.name)) missing.push(type.name);
    if (isObjectType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        const name = `${type.name}.${field.name}`;
        if (FEDERATION_FIELDS.has(name)) continue;
        if (!field.description) missing.push(name);
        if ('args' in field) for (const arg of field.args) if (!arg.description) missing.push(`${name}(${arg.name})`);
      }
    }
    if (isEnumType(type)) for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  }
  return missing;
}

describe('the checked-in schema (schema/)', () => {
  let rendered: Awaited<ReturnType<typeof renderSchemaFiles>>;
  beforeAll(async () => {
    rendered = await renderSchemaFiles();
  });

  it('composes into a supergraph', () => {
    expect(rendered.compositionErrors).toEqual([]);
  });

  it.each([...SUBGRAPHS, 'supergraph'])('schema/%s.graphql is what the code produces (run `npm run schema` after a change)', (name) => {
    const path = `schema/${name}.graphql`;
    expect(readFileSync(path, 'utf8')).toBe(rendered.files[path]);
  });

  it.each(SUBGRAPHS)('%s describes every type, field, argument and enum value', async (name) => {
    expect(undescribed(await SUBGRAPH_DEFINITIONS[name].schema())).toEqual([]);
  });

  it('the supergraph file is a valid schema', () => {
    expect(() => buildASTSchema(gql(readFileSync('schema/supergraph.graphql', 'utf8')), { assumeValidSDL: true })).not.toThrow();
  });
});
