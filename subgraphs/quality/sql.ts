/** Positional parameters for hand-written SQL: `next(value)` appends a value and answers its `$n`. */
export function sqlParams() {
  const values: unknown[] = [];
  return {
    values,
    next: (value: unknown): string => {
      values.push(value);
      return `$${values.length}`;
    },
  };
}
