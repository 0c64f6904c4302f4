import {
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from 'graphql';
import { ruleAdmits } from '../../scripts/lib/access-matrix';
import { Identity, Role } from '../../subgraphs/shared/auth/identity';
import { SUBGRAPHS, SubgraphName } from '../../subgraphs/shared/db/data-source';
import { DEMO } from '../../subgraphs/shared/demo/ids';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';
import type { GraphQLResponse } from '../support/graphql-client';
import { startTestHub, TestHub } from '../support/hub';
import { DEMO_PERSONAS, PersonaName, tokenFor } from '../support/tokens';

/**
 * Issue 8, item 6: every persona tries every query and mutation of every subgraph through the gateway,
 * and the outcome must be what the access matrix (the subgraphs' shield rules, the same source
 * docs/access-matrix.md is printed from) says. The operations are generated from the subgraph schemas,
 * so a new query or mutation is covered the day it is added, without touching this file.
 */

/** Federation's entry points are not served by the gateway; tests/e2e/federation.test.ts covers them. */
const FEDERATION_FIELDS = new Set(['_entities', '_service']);

/** A refusal by the access rules, as opposed to a refusal a resolver decides from the data. */
const ROLE_REFUSAL = 'Not allowed for this identity';

/** An id no row has: for an admitted caller the answer is then NOT_FOUND, BAD_USER_INPUT or empty, never a refusal. */
const UNKNOWN_ID = '00000000-0000-4000-8000-00000000beef';

/**
 * What each persona owns and what it must not see: an organisation persona its organisation and another of
 * the same kind (a neighbour hospital, a competitor); a regulator its region and one outside it.
 */
const OWN_AND_OTHER: Record<PersonaName, { own: string; other: string }> = {
  hospital: { own: DEMO.institutions.shaoguanHospital, other: DEMO.institutions.guichiHospital },
  manufacturer: { own: DEMO.enterprises.lingnanPharma, other: DEMO.enterprises.huayuePharma },
  distributor: { own: DEMO.enterprises.yuebeiDistribution, other: DEMO.enterprises.jianghuaiLogistics },
  ...Object.fromEntries(
    Object.entries(DEMO_PERSONAS)
      .filter(([, p]) => p.identity.role === Role.REGULATOR)
      .map(([name, p]) => [name, { own: p.identity.region!, other: '110000' }]),
  ),
};

/** The argument (or filter field) that names whose rows are asked for, by the asking role. */
const SCOPING_ARGUMENTS: Record<string, Role[]> = {
  institutionId: [Role.INSTITUTION],
  enterpriseId: [Role.MANUFACTURER, Role.DISTRIBUTOR],
  manufacturerId: [Role.MANUFACTURER],
  distributorId: [Role.DISTRIBUTOR],
  regionCode: [Role.REGULATOR],
};

/**
 * Whether the rows of `type` are public to `role` by the subgraph's declared row scope (the catalogue,
 * published results and prices, the enterprise directory; for regulators also what every regulator reads).
 */
function publicTo(subgraph: SubgraphName, type: string, role: Role): boolean {
  const scope = SUBGRAPH_DEFINITIONS[subgraph].rowScopes[type] ?? '';
  return /every persona/.test(scope) || (role === Role.REGULATOR && /every regulator/.test(scope));
}

/** `id` of an operation returning one organisation is that organisation's id. */
const ORGANISATION_TYPES: Record<string, Role[]> = { Institution: [Role.INSTITUTION], Enterprise: [Role.MANUFACTURER, Role.DISTRIBUTOR] };

/** The argument of `field`, at the top or inside an input object argument, that scopes it to `role`'s own rows. */
function scopingArgument(field: GraphQLField<unknown, unknown>, role: Role): string | undefined {
  if (ORGANISATION_TYPES[getNamedType(field.type).name]?.includes(role) && field.args.some((a) => a.name === 'id')) return 'id';
  for (const argument of field.args) {
    if (SCOPING_ARGUMENTS[argument.name]?.includes(role)) return argument.name;
    const input = getNamedType(argument.type);
    if (isInputObjectType(input)) {
      const inner = Object.keys(input.getFields()).find((name) => SCOPING_ARGUMENTS[name]?.includes(role));
      if (inner) return inner;
    }
  }
  return undefined;
}

interface Operation {
  subgraph: SubgraphName;
  kind: 'query' | 'mutation';
  field: GraphQLField<unknown, unknown>;
}

/** Every root operation of every subgraph, from the schemas the subgraphs serve. */
async function allOperations(): Promise<Operation[]> {
  const operations: Operation[] = [];
  for (const subgraph of SUBGRAPHS) {
    const schema = await SUBGRAPH_DEFINITIONS[subgraph].schema();
    for (const [kind, type] of [['query', schema.getQueryType()], ['mutation', schema.getMutationType()]] as const) {
      for (const field of Object.values(type?.getFields() ?? {})) {
        if (!FEDERATION_FIELDS.has(field.name)) operations.push({ subgraph, kind, field });
      }
    }
  }
  return operations;
}

/** A value of `type` that passes GraphQL's own validation, so the request reaches the access rules. */
function sampleValue(type: GraphQLInputType, name: string, overrides: Record<string, unknown>, depth = 0): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType, name, overrides, depth);
  if (isListType(type)) return [sampleValue(type.ofType, name, overrides, depth)];
  if (name in overrides) return overrides[name];
  if (isEnumType(type)) return type.getValues()[0].name;
  if (isInputObjectType(type)) {
    if (depth > 3) return {};
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || field.name in overrides) value[field.name] = sampleValue(field.type, field.name, overrides, depth + 1);
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'ID':
        return UNKNOWN_ID;
      case 'Int':
        return /year/i.test(name) ? 2026 : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return true;
      case 'Date':
        return '2026-03-02';
      case 'DateTime':
        return '2026-03-02T08:00:00Z';
      case 'Decimal':
        return '1.00';
      default:
        return /region/i.test(name) ? '440000' : 'access-matrix probe';
    }
  }
  throw new Error(`No sample for input type ${String(type)}`);
}

/**
 * The smallest selection that makes the root resolver run and shows whether rows came back: the type
 * name, and of an object its lists of objects (a page's `nodes`, a report's items) that `identity` may read.
 */
async function selectionFor(subgraph: SubgraphName, type: GraphQLNamedType, identity: Identity | undefined): Promise<string> {
  if (!isObjectType(type)) return isScalarType(type) || isEnumType(type) ? '' : ' { __typename }';
  const lists: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const listed = isNonNullType(field.type) ? field.type.ofType : field.type;
    if (!isListType(listed) || !isObjectType(getNamedType(field.type)) || field.args.some((a) => isNonNullType(a.type))) continue;
    const rule = SUBGRAPH_DEFINITIONS[subgraph].permissions[type.name]?.[field.name];
    if (identity && rule && (await ruleAdmits(rule, identity))) lists.push(`${field.name} { __typename }`);
  }
  return ` { __typename ${lists.join(' ')} }`;
}

/** A runnable document for `operation`: every required argument gets a sample value (or an override). */
async function documentFor(operation: Operation, identity: Identity | undefined, overrides: Record<string, unknown> = {}) {
  const required = operation.field.args.filter((a: GraphQLArgument) => isNonNullType(a.type) && a.defaultValue === undefined);
  const carriesOverride = (a: GraphQLArgument) => {
    const input = getNamedType(a.type);
    return a.name in overrides || (isInputObjectType(input) && Object.keys(input.getFields()).some((f) => f in overrides));
  };
  const named = operation.field.args.filter((a) => carriesOverride(a) && !required.includes(a));
  const args = [...required, ...named];
  const declarations = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passing = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const selection = await selectionFor(operation.subgraph, getNamedType(operation.field.type), identity);
  const query = `${operation.kind} AccessProbe${declarations ? `(${declarations})` : ''} { ${operation.field.name}${passing ? `(${passing})` : ''}${selection} }`;
  const variables = Object.fromEntries(args.map((a) => [a.name, sampleValue(a.type, a.name, overrides)]));
  return { query, variables };
}

/** The errors reported at the operation's root field. */
function rootErrors(response: GraphQLResponse, field: string) {
  return (response.body.errors ?? []).filter((e) => !e.path || e.path[0] === field);
}

function describeResponse(response: GraphQLResponse): string {
  return JSON.stringify(response.body).slice(0, 600);
}

/** Runs `tasks` a few at a time (the hub shares two cores with the other test files). */
async function inBatches<T>(tasks: Array<() => Promise<T>>, width = 4): Promise<T[]> {
  const results: T[] = [];
  for (let i = 0; i < tasks.length; i += width) results.push(...(await Promise.all(tasks.slice(i, i + width).map((t) => t()))));
  return results;
}

describe('the access matrix, enforced: every persona × every query and mutation through the gateway', () => {
  let hub: TestHub;
  let operations: Operation[];
  const tokens = new Map<PersonaName, string>();

  beforeAll(async () => {
    hub = await startTestHub({ events: false });
    operations = await allOperations();
    for (const [name, persona] of Object.entries(DEMO_PERSONAS)) tokens.set(name as PersonaName, await tokenFor(persona.identity));
  }, 120_000);

  afterAll(() => hub?.close());

  it('covers a real list of operations (every subgraph has queries and mutations)', () => {
    for (const subgraph of SUBGRAPHS) {
      expect(operations.filter((o) => o.subgraph === subgraph && o.kind === 'query').length).toBeGreaterThan(3);
      expect(operations.filter((o) => o.subgraph === subgraph && o.kind === 'mutation').length).toBeGreaterThan(1);
    }
  });

  it('refuses every operation without a token (UNAUTHENTICATED)', async () => {
    const wrong = await inBatches(
      operations.map((operation) => async () => {
        const { query, variables } = await documentFor(operation, undefined);
        const response = await hub.query({}, query, variables);
        const codes = (response.body.errors ?? []).map((e) => e.extensions?.code);
        return codes.includes('UNAUTHENTICATED') && response.body.data?.[operation.field.name] == null ? undefined : `${operation.field.name}: ${describeResponse(response)}`;
      }),
    );
    expect(wrong.filter(Boolean)).toEqual([]);
  }, 120_000);

  it.each(Object.keys(DEMO_PERSONAS) as PersonaName[])('gives %s exactly the operations the access matrix grants it', async (persona) => {
    const identity: Identity = DEMO_PERSONAS[persona].identity;
    const outcomes = { granted: 0, refused: 0 };
    const mismatches = await inBatches(
      operations.map((operation) => async () => {
        const rule = SUBGRAPH_DEFINITIONS[operation.subgraph].permissions[operation.kind === 'query' ? 'Query' : 'Mutation']?.[operation.field.name];
        const granted = rule ? await ruleAdmits(rule, identity) : false;
        outcomes[granted ? 'granted' : 'refused'] += 1;
        const { query, variables } = await documentFor(operation, identity);
        const response = await hub.query({ token: tokens.get(persona) }, query, variables);
        const errors = rootErrors(response, operation.field.name);
        const refused = errors.some((e) => e.extensions?.code === 'FORBIDDEN' && e.message === ROLE_REFUSAL);
        const unauthenticated = errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED');
        const internal = errors.some((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR');
        if (granted && (refused || unauthenticated || internal)) return `${operation.subgraph} ${operation.field.name}: granted, but ${describeResponse(response)}`;
        if (!granted && !(refused && response.body.data?.[operation.field.name] == null)) return `${operation.subgraph} ${operation.field.name}: not granted, but ${describeResponse(response)}`;
        return undefined;
      }),
    );
    expect(mismatches.filter(Boolean)).toEqual([]);
    // Every persona is granted some operations and refused others: the matrix is neither empty nor open.
    expect(outcomes.granted).toBeGreaterThan(5);
    expect(outcomes.refused).toBeGreaterThan(5);
  }, 120_000);

  it.each(Object.keys(OWN_AND_OTHER) as PersonaName[])(
    'lets %s ask for its own rows, and answers for another organisation’s or region’s as if they did not exist',
    async (persona) => {
      const identity: Identity = DEMO_PERSONAS[persona].identity;
      const { own, other } = OWN_AND_OTHER[persona];
      const probes: Array<{ operation: Operation; argument: string }> = [];
      for (const operation of operations.filter((o) => o.kind === 'query')) {
        const argument = scopingArgument(operation.field, identity.role);
        const rule = SUBGRAPH_DEFINITIONS[operation.subgraph].permissions.Query?.[operation.field.name];
        const rowType = rowTypeOf(operation.field);
        if (argument && rule && !publicTo(operation.subgraph, rowType, identity.role) && (await ruleAdmits(rule, identity))) probes.push({ operation, argument });
      }
      // Each persona has scoped queries to try; an empty list would make this test prove nothing.
      expect(probes.length).toBeGreaterThan(2);
      let ownAnswersWithRows = 0;
      const mismatches = await inBatches(
        probes.map(({ operation, argument }) => async () => {
          const ask = async (value: string) => {
            const { query, variables } = await documentFor(operation, identity, { [argument]: value });
            return hub.query({ token: tokens.get(persona) }, query, variables);
          };
          const name = operation.field.name;
          const [asOwn, asOther] = [await ask(own), await ask(other)];
          const ownCodes = rootErrors(asOwn, name).map((e) => e.extensions?.code);
          if (ownCodes.includes('FORBIDDEN') || ownCodes.includes('INTERNAL_SERVER_ERROR')) return `${name}(${argument}: own): ${describeResponse(asOwn)}`;
          if (ownCodes.length === 0 && !isEmptyAnswer(asOwn.body.data?.[name])) ownAnswersWithRows += 1;
          const otherCodes = rootErrors(asOther, name).map((e) => e.extensions?.code);
          if (identity.role === Role.REGULATOR) {
            // Outside the jurisdiction: refused, or nothing there for this regulator.
            const hidden = otherCodes.includes('FORBIDDEN') || otherCodes.includes('NOT_FOUND') || (otherCodes.length === 0 && isEmptyAnswer(asOther.body.data?.[name]));
            return hidden ? undefined : `${name}(${argument}: outside): ${describeResponse(asOther)}`;
          }
          // Another organisation's id answers exactly as an id that does not exist (issue 8, item 4).
          const unknown = await ask(UNKNOWN_ID);
          const unknownCodes = rootErrors(unknown, name).map((e) => e.extensions?.code);
          const hidden = otherCodes.includes('NOT_FOUND') || (otherCodes.length === 0 && isEmptyAnswer(asOther.body.data?.[name]));
          const alike = JSON.stringify(otherCodes) === JSON.stringify(unknownCodes);
          return hidden && alike ? undefined : `${name}(${argument}: another’s): ${describeResponse(asOther)} vs unknown ${describeResponse(unknown)}`;
        }),
      );
      expect(mismatches.filter(Boolean)).toEqual([]);
      // The scoping argument really was applied: the demo world has own rows to show for some of them.
      expect(ownAnswersWithRows).toBeGreaterThan(0);
    },
    120_000,
  );
});

/** The type whose rows an operation returns: a page's node type, a list's item type, or the type itself. */
function rowTypeOf(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  const nodes = isObjectType(type) ? type.getFields().nodes : undefined;
  return nodes ? getNamedType(nodes.type).name : type.name;
}

/** Null, an empty list, or an object (a page, a report) whose lists are all empty. */
function isEmptyAnswer(value: unknown): boolean {
  if (value == null) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value !== 'object') return false;
  const lists = Object.values(value as Record<string, unknown>).filter(Array.isArray);
  return lists.length > 0 && lists.every((list) => list.length === 0);
}
