// apexkeys key: the key commands, registered in the order `key --help` lists them.
import type { Command } from 'commander';
import type { CliSession } from '../../session.ts';
import { registerKeyEnabled } from './enable-disable.ts';
import { registerKeyEnv } from './env.ts';
import { registerKeyGenerate } from './generate.ts';
import { registerKeyGet } from './get.ts';
import { registerKeyImport } from './import.ts';
import { registerKeyList } from './list.ts';
import { registerKeyRevoke } from './revoke.ts';
import { registerKeyUpdate } from './update.ts';
import { registerKeyVerify } from './verify.ts';

export function registerKey(program: Command, session: CliSession): void {
  const key = program
    .command('key')
    .description('API keys: secrets in the OS keychain, metadata in the local store');
  registerKeyImport(key, session);
  registerKeyGenerate(key, session);
  registerKeyList(key, session);
  registerKeyUpdate(key, session);
  registerKeyVerify(key, session);
  registerKeyGet(key, session);
  registerKeyEnv(key, session);
  registerKeyEnabled(key, session, false);
  registerKeyEnabled(key, session, true);
  registerKeyRevoke(key, session);
}
