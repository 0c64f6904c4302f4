import { accessRuleGaps } from '../../subgraphs/shared/auth/permissions';
import { SUBGRAPHS } from '../../subgraphs/shared/db/data-source';
import { SUBGRAPH_DEFINITIONS } from '../../subgraphs/definitions';

// Deny by default is only a policy if every field's access is a decision someone wrote down.
describe.each(SUBGRAPHS)('the %s access matrix', (name) => {
  it('names a rule for every field of every type, federation’s own included', async () => {
    const definition = SUBGRAPH_DEFINITIONS[name];
    const { uncovered } = accessRuleGaps(await definition.schema(), definition.permissions);
    expect(uncovered).toEqual([]);
  });

  it('names no field the schema does not have', async () => {
    const definition = SUBGRAPH_DEFINITIONS[name];
    const { stale } = accessRuleGaps(await definition.schema(), definition.permissions);
    expect(stale).toEqual([]);
  });

  it('covers _entities and _service explicitly', () => {
    const query = SUBGRAPH_DEFINITIONS[name].permissions.Query;
    expect(query._entities).toBeDefined();
    expect(query._service).toBeDefined();
  });
});

describe('accessRuleGaps', () => {
  it('reports a field added without a rule', async () => {
    const definition = SUBGRAPH_DEFINITIONS.procurement;
    const { Product, ...rest } = definition.permissions;
    const { name: _dropped, ...productWithoutName } = Product;
    const { uncovered } = accessRuleGaps(await definition.schema(), { ...rest, Product: productWithoutName });
    expect(uncovered).toEqual(['Product.name']);
  });
});
