import { regionChain, regionLikePattern, regionWithin } from '../../subgraphs/shared/region';

describe('GB/T 2260 regions', () => {
  it('inherits district → city → province → national default', () => {
    expect(regionChain('341702')).toEqual(['341702', '341700', '340000', '000000']);
    expect(regionChain('440200')).toEqual(['440200', '440000', '000000']);
    expect(regionChain('500000')).toEqual(['500000', '000000']);
    expect(regionChain('000000')).toEqual(['000000']);
  });

  it('scopes a regulator to its code and every code below it', () => {
    expect(regionWithin('440203', '440000')).toBe(true);
    expect(regionWithin('440203', '440200')).toBe(true);
    expect(regionWithin('441900', '440200')).toBe(false);
    expect(regionWithin('141102', '000000')).toBe(true);
    expect(regionLikePattern('440200')).toBe('4402%');
    expect(regionLikePattern('341702')).toBe('341702%');
  });
});
