import { GraphQLObjectType, GraphQLSchema, isIntrospectionType, isObjectType } from 'graphql';
import { IRule, IRules, rule, shield } from 'graphql-shield';
import { errors, isClientError } from '../errors';
import type { RequestContext } from '../context';
import { Department, Identity, Role } from './identity';

type Ctx = RequestContext;

/** Why a rule said no: no identity at all is UNAUTHENTICATED, anything else FORBIDDEN. */
function refusal(ctx: Ctx) {
  return ctx.identity ? errors.forbidden() : errors.unauthenticated();
}

function personaOf(ctx: Ctx): Identity | undefined {
  return ctx.identity && ctx.identity.role !== Role.SERVICE ? ctx.identity : undefined;
}

/** Any verified persona (not the gateway's service identity). */
export const isAuthenticated = rule('isAuthenticated', { cache: 'contextual' })((_p, _a, ctx: Ctx) => (personaOf(ctx) ? true : refusal(ctx)));

/** The gateway composing the supergraph, or any verified persona: may read the subgraph's SDL. */
export const isServiceOrAuthenticated = rule('isServiceOrAuthenticated', { cache: 'contextual' })((_p, _a, ctx: Ctx) => (ctx.identity ? true : refusal(ctx)));

/** A rule admitting the personas for which `admits` is true; `name` makes it readable in the access matrix. */
export function allowWhen(name: string, admits: (identity: Identity) => boolean): IRule {
  return rule(name, { cache: 'contextual' })((_p, _a, ctx: Ctx) => {
    const identity = personaOf(ctx);
    return identity && admits(identity) ? true : refusal(ctx);
  });
}

// graphql-shield refuses two different rule objects under one name, so parameterised rules are shared.
const namedRules = new Map<string, IRule>();
function shared(name: string, admits: (identity: Identity) => boolean): IRule {
  let existing = namedRules.get(name);
  if (!existing) namedRules.set(name, (existing = allowWhen(name, admits)));
  return existing;
}

/** Callers holding one of `roles`. */
export function hasRole(...roles: Role[]): IRule {
  return shared(`hasRole:${roles.join(',')}`, (identity) => roles.includes(identity.role));
}

/** Regulators of one of `departments`. */
export function isRegulatorOf(...departments: Department[]): IRule {
  return shared(
    `isRegulatorOf:${departments.join(',')}`,
    (identity) => identity.role === Role.REGULATOR && departments.includes(identity.department!),
  );
}

/** The same rule on each named field: every field is still listed, so adding one is a deliberate act. */
export function fields(access: IRule, ...names: string[]): Record<string, IRule> {
  return Object.fromEntries(names.map((n) => [n, access]));
}

/** Federation's own entry points: `_entities` needs a persona, `_service` also admits the gateway. */
export const federationRules = {
  Query: { _service: isServiceOrAuthenticated, _entities: isAuthenticated },
  _Service: { sdl: isServiceOrAuthenticated },
};

/**
 * The permission layer of a subgraph: deny whatever the rule tree does not name; let catalogue errors
 * (BAD_USER_INPUT, NOT_FOUND …) through; mask everything else as an internal error.
 */
export function permissionsFor(ruleTree: IRules) {
  return shield(ruleTree, {
    fallbackRule: rule('deny-by-default', { cache: 'contextual' })((_p, _a, ctx: Ctx) => refusal(ctx)),
    allowExternalErrors: false,
    fallbackError: (thrown: unknown, _p: unknown, _a: unknown, shieldCtx: unknown) => {
      const ctx = shieldCtx as Ctx;
      if (isClientError(thrown)) return thrown;
      if (thrown == null) return refusal(ctx);
      // The boundary's formatError masks it for the client and logs the real error once, with an error id.
      return thrown instanceof Error ? thrown : new Error(String(thrown));
    },
  });
}

/**
 * Lists `Type.field` of every object type in `schema` that the rule tree does not name, and every rule
 * that names a field the schema does not have. Both must be empty: deny-by-default is then a decision
 * made field by field, not an accident.
 */
export function accessRuleGaps(schema: GraphQLSchema, ruleTree: Record<string, unknown>): { uncovered: string[]; stale: string[] } {
  const uncovered: string[] = [];
  const stale: string[] = [];
  const types = Object.values(schema.getTypeMap()).filter(
    (t): t is GraphQLObjectType => isObjectType(t) && !isIntrospectionType(t),
  );
  for (const type of types) {
    const rules = (ruleTree[type.name] ?? {}) as Record<string, unknown>;
    for (const name of Object.keys(type.getFields())) if (!rules[name]) uncovered.push(`${type.name}.${name}`);
  }
  for (const [typeName, rules] of Object.entries(ruleTree)) {
    const type = schema.getType(typeName);
    if (!type || !isObjectType(type)) {
      stale.push(typeName);
      continue;
    }
    for (const name of Object.keys(rules as object)) if (!type.getFields()[name]) stale.push(`${typeName}.${name}`);
  }
  return { uncovered, stale };
}
