import { creditCodeCheckCharacter, isValidCreditCode } from '../../subgraphs/shared/credit-code';

describe('D-01 unified social credit codes (GB 32100-2015)', () => {
  const valid = '91440100MA5CLN0012';

  it('D-01 accepts a code whose check character matches its first 17 characters', () => {
    expect(creditCodeCheckCharacter(valid.slice(0, 17))).toBe('2');
    expect(isValidCreditCode(valid)).toBe(true);
  });

  it.each([
    ['a wrong check character', '91440100MA5CLN0013'],
    ['a changed digit', '91440101MA5CLN0012'],
    ['a letter the standard excludes (I, O, Z, S, V)', '91440100MA5CLN00I2'],
    ['17 characters', '91440100MA5CLN001'],
    ['lower case', '91440100ma5cln0012'],
  ])('D-01 refuses %s', (_case, code) => {
    expect(isValidCreditCode(code)).toBe(false);
  });
});
