/**
 * Administrative division codes (GB/T 2260): six digits, province `PP0000`, city `PPCC00`,
 * district/county `PPCCDD`. `000000` stands for the whole country (national defaults, national regulators).
 */
export const NATIONAL_REGION = '000000';

const REGION_CODE = /^\d{6}$/;

export function isRegionCode(value: string): boolean {
  return REGION_CODE.test(value);
}

/** The part of the code shared by the region and everything below it: '44' for 440000, '4402' for 440200. */
export function regionPrefix(code: string): string {
  if (code === NATIONAL_REGION) return '';
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** The region and its ancestors, nearest first, ending with the national default: 440203 → 440203, 440200, 440000, 000000. */
export function regionChain(code: string): string[] {
  const chain = [code];
  const province = `${code.slice(0, 2)}0000`;
  const city = `${code.slice(0, 4)}00`;
  if (city !== code && city !== province) chain.push(city);
  if (province !== code) chain.push(province);
  if (code !== NATIONAL_REGION) chain.push(NATIONAL_REGION);
  return chain;
}

/** True when `code` is `scope` or lies below it. */
export function regionWithin(code: string, scope: string): boolean {
  return code.startsWith(regionPrefix(scope));
}

/** A LIKE pattern matching `scope` and every region below it, for row scoping in SQL. */
export function regionLikePattern(scope: string): string {
  return `${regionPrefix(scope)}%`;
}

/**
 * SQL: `column` is `scope` or below it, where `pattern` is a parameter holding regionLikePattern(scope).
 * The same test as LIKE, written as a range of the text_pattern_ops operators because those are
 * leakproof: under row-level security PostgreSQL only turns leakproof conditions into index bounds, so a
 * LIKE would read a province's whole index to keep one city. Codes are digits, and ':' sorts after '9'.
 */
export function regionRangeSql(column: string, pattern: string): string {
  return `(${column} ~>=~ rtrim(${pattern}, '%') AND ${column} ~<~ (rtrim(${pattern}, '%') || ':'))`;
}
