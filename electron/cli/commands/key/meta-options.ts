// The metadata options `key import` and `key generate` share, and the core's input they make.
import type { Command } from 'commander';

export interface MetaOpts {
  account: string;
  label: string;
  env: string;
  service?: string;
  owner?: string;
  notes?: string;
  json?: boolean;
}

export function withMeta(cmd: Command): Command {
  return cmd
    .requiredOption('--account <name>', 'the account the key belongs to')
    .requiredOption('--label <label>', 'label, e.g. production-api')
    .requiredOption('--env <environment>', 'production, staging, development or a custom word')
    .option('--service <name>', 'the service that uses the key')
    .option('--owner <name>', 'who owns the key')
    .option('--notes <text>', 'free notes');
}

export function metaOf(o: MetaOpts) {
  return {
    account: o.account,
    label: o.label,
    environment: o.env,
    ...(o.service !== undefined ? { service: o.service } : {}),
    ...(o.owner !== undefined ? { owner: o.owner } : {}),
    ...(o.notes !== undefined ? { notes: o.notes } : {}),
  };
}
