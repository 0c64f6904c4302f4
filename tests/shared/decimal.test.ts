import { DateScalar, DecimalScalar, Money } from '../../subgraphs/shared/graphql/scalars';

describe('the Decimal scalar', () => {
  it('keeps amounts exact where binary floats would not', () => {
    expect(DecimalScalar.serialize(new Money('0.1').plus('0.2'))).toBe('0.3');
    expect(DecimalScalar.serialize('123456789012345678.12345678')).toBe('123456789012345678.12345678');
    expect(DecimalScalar.parseValue('0.30')).toBe('0.3');
  });

  it.each([0.3, '1e5', 'abc', '1.123456789', '', ' 1', 'NaN'])('refuses %p as input with BAD_USER_INPUT', (value) => {
    expect(() => DecimalScalar.parseValue(value)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('refuses to serialize a JS number, so a float can never reach a client as money', () => {
    expect(() => DecimalScalar.serialize(0.1)).toThrow();
  });
});

describe('the Date scalar', () => {
  it.each(['2024-02-30', '2025-13-01', '20250101', '2025-1-1'])('refuses %p', (value) => {
    expect(() => DateScalar.parseValue(value)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
  });

  it('accepts a real calendar date, leap days included', () => {
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
  });
});
