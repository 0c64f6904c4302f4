import { dedupeRepresentations, spreadEntities } from '../../gateway/entity-representations';

describe('entity fetches: each distinct representation sent once, the answer spread back', () => {
  const product = (id: string) => ({ __typename: 'Product', id });

  it('sends the distinct representations in first-seen order and remembers where each occurrence came from', () => {
    const { unique, positions } = dedupeRepresentations([product('a'), product('b'), product('a'), product('c'), product('b')]);
    expect(unique).toEqual([product('a'), product('b'), product('c')]);
    expect(positions).toEqual([0, 1, 0, 2, 1]);
  });

  it('gives every occurrence its own copy of its entity, so later merges into one never reach another', () => {
    const answer = { data: { _entities: [{ name: 'A', maker: { id: 'm' } }, { name: 'B', maker: { id: 'n' } }] } };
    const spread = spreadEntities(answer, [0, 1, 0]);
    const entities = spread.data!._entities as Array<{ name: string; maker: { id: string; name?: string } }>;
    expect(entities).toEqual([answer.data._entities[0], answer.data._entities[1], answer.data._entities[0]]);
    entities[2].maker.name = 'merged later';
    expect(entities[0].maker.name).toBeUndefined();
  });

  it('reports an error about one entity at each of its occurrences, and leaves other errors alone', () => {
    const answer = {
      data: { _entities: [null, { name: 'B' }] },
      errors: [
        { message: 'not found', path: ['_entities', 0] },
        { message: 'field failed', path: ['_entities', 1, 'name'] },
        { message: 'request-wide' },
      ],
    };
    const spread = spreadEntities(answer, [0, 1, 0, 1]);
    expect(spread.data!._entities).toEqual([null, { name: 'B' }, null, { name: 'B' }]);
    expect(spread.errors).toEqual([
      { message: 'not found', path: ['_entities', 0] },
      { message: 'not found', path: ['_entities', 2] },
      { message: 'field failed', path: ['_entities', 1, 'name'] },
      { message: 'field failed', path: ['_entities', 3, 'name'] },
      { message: 'request-wide' },
    ]);
  });
});
