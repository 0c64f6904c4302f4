import Decimal from 'decimal.js';
import { GraphQLScalarType, Kind } from 'graphql';
import { errors } from '../errors';

/** Exact decimal arithmetic for money and prices: 40 significant digits, half-up like the ledgers. */
// toExpNeg/toExpPos: text is always plain digits (never 1e-7), so toString() is exact and readable.
export const Money = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -9e15, toExpPos: 9e15 });
export type Money = Decimal;

/** The exact plain-notation text of a decimal, as stored in `numeric` columns and sent to clients. */
export function decimalText(value: Decimal.Value): string {
  return new Money(value).toString();
}

const DECIMAL_LITERAL = /^-?\d{1,20}(\.\d{1,8})?$/;

function parseDecimal(value: unknown): string {
  if (typeof value !== 'string' || !DECIMAL_LITERAL.test(value)) {
    throw errors.badInput('A Decimal is a string of digits with an optional sign and up to 8 decimal places, e.g. "12.50"');
  }
  return decimalText(value);
}

/**
 * Amounts, prices and shares as exact decimal strings (never floats): `"0.3"`, `"1234.5600"`.
 * Columns are PostgreSQL `numeric`, which the driver returns as strings; nothing converts through a JS number.
 */
export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'An exact decimal number as a string, e.g. "12.50" (金额/价格/比例). Never a binary float.',
  serialize(value) {
    if (typeof value === 'string' || Decimal.isDecimal(value)) return decimalText(value as Decimal.Value);
    throw new TypeError('Decimal fields must be resolved as strings or Decimal values');
  },
  parseValue: parseDecimal,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw errors.badInput('A Decimal literal must be a string, e.g. "12.50"');
    return parseDecimal(ast.value);
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses YYYY-MM-DD and rejects impossible dates such as 2024-02-30. */
export function parseIsoDate(value: unknown): string {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m) {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    if (d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])) {
      return value as string;
    }
  }
  throw errors.badInput('A Date is a calendar date written YYYY-MM-DD, e.g. "2025-12-01"');
}

/** A calendar date without time or zone (日期), as policies and contracts are written. */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, YYYY-MM-DD (日期), without time of day or time zone.',
  serialize(value) {
    if (typeof value === 'string' && ISO_DATE.test(value)) return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new TypeError('Date fields must be resolved as YYYY-MM-DD strings');
  },
  parseValue: parseIsoDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw errors.badInput('A Date literal must be a string, YYYY-MM-DD');
    return parseIsoDate(ast.value);
  },
});

/** Today's date in China Standard Time, the calendar every policy in this hub is written in. */
export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Parses an ISO 8601 instant with an explicit zone (Z or ±hh:mm) into a Date. */
export function parseInstant(value: unknown): Date {
  if (typeof value === 'string' && ISO_INSTANT.test(value)) {
    const date = new Date(value);
    if (!Number.isNaN(date.getTime())) return date;
  }
  throw errors.badInput('A DateTime is an ISO 8601 instant with its zone, e.g. "2026-03-01T09:30:00+08:00"');
}

/** A moment in time (时间), ISO 8601 with zone; always answered in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A moment in time (时间): ISO 8601 with its zone, e.g. "2026-03-01T09:30:00+08:00"; answered in UTC.',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    if (typeof value === 'string') return new Date(value).toISOString();
    throw new TypeError('DateTime fields must be resolved as Date objects or ISO strings');
  },
  parseValue: parseInstant,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw errors.badInput('A DateTime literal must be a string');
    return parseInstant(ast.value);
  },
});

/** The calendar date in China of an instant. */
export function chinaDateOf(instant: Date): string {
  return todayInChina(instant);
}
