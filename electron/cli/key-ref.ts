// How a command names a key: a label, and --account where the label exists in several accounts.
import { Option } from 'commander';
import type { KeyRef } from '../core/key-records.ts';

export const accountOption = (): Option =>
  new Option('--account <name>', 'the account, where a label exists in several');

export const refOf = (label: string, account?: string): KeyRef =>
  account === undefined ? { label } : { label, account };
