// Option parsers: a bad value is a usage error (exit 2), reported by commander.
import { InvalidArgumentError } from 'commander';

export function parseShare(v: string): number {
  const n = Number(v);
  if (!(n > 0 && n <= 1))
    throw new InvalidArgumentError('a number greater than 0 and at most 1, e.g. 0.5');
  return n;
}

export function parseWholeNumber(min: number, max: number) {
  return (v: string): number => {
    const n = Number(v);
    if (!/^\d+$/.test(v) || !Number.isInteger(n) || n < min || n > max)
      throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
    return n;
  };
}
