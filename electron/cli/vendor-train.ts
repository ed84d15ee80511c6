// Build time only (scripts/build-cli.mjs bundles and runs this once, then deletes it): loads the
// vendor bundle as the CLI does and runs what a command's start runs through zod and commander
// (the command tree and a parse of it, the host configuration, a store and an audit event), so
// V8 has compiled those functions too, then writes V8's code cache for the bundle beside it
// (vendor-cache.ts). Nothing here touches a keychain, a data folder or the network.
//   node <outdir>/vendor-train.mjs VENDOR_NAME
import { writeFileSync, renameSync } from 'node:fs';
import { auditEventSchema, emptyStoreData, storeDataSchema } from '../../shared/schemas.ts';
import { parseHostConfig } from '../hosts/config.ts';
import { buildProgram } from './program.ts';
import { createSession } from './session.ts';
import { cacheFileOf, vendorFile, vendorScript } from './vendor-cache.ts';

const name = process.argv[2];
if (!name) throw new Error('vendor-train: no vendor bundle named');

const program = buildProgram(createSession({}));
// A command whose action is never reached (its --help) walks the parse and the help machinery.
await program.parseAsync(['node', 'apexkeys', 'key', 'get', '--help']).catch(() => undefined);
parseHostConfig({});
storeDataSchema.parse(emptyStoreData());
auditEventSchema.parse({
  at: new Date(0).toISOString(),
  action: 'revealed',
  actor: 'cli',
  keyId: 'k',
  accountId: 'a',
  label: 'l',
  fingerprint: 'f',
  outcome: 'ok',
  detail: { via: 'cli-get' },
});

const file = cacheFileOf(vendorFile(name));
const tmp = `${file}.${process.pid}.tmp`;
writeFileSync(tmp, vendorScript(name).createCachedData());
renameSync(tmp, file);
