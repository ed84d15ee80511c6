// The settings part of a restore (restore-merge.ts): taken only where absent here. An
// environment's rotation period is absent when it is not set here; every other setting counts as
// absent while it still holds the default here (the store cannot tell "never set" from "set to the
// default", and a value chosen here must not be replaced by an older installation's).
import { DEFAULT_SETTINGS, type Settings, type StoreData } from '../../../shared/schemas.ts';

type ScalarSetting = Exclude<keyof Settings, 'rotationDays'>;
const SCALAR_SETTINGS = Object.keys(DEFAULT_SETTINGS).filter(
  (k): k is ScalarSetting => k !== 'rotationDays',
);

function takeSetting<K extends ScalarSetting>(here: Settings, theirs: Settings, key: K): boolean {
  if (here[key] !== DEFAULT_SETTINGS[key] || theirs[key] === here[key]) return false;
  here[key] = theirs[key];
  return true;
}

/** Takes the backup's settings where absent here; names each one taken in `applied`. */
export function mergeSettings(data: StoreData, theirs: Settings, applied: string[]): void {
  const days = data.settings.rotationDays;
  for (const [env, period] of Object.entries(theirs.rotationDays)) {
    // __proto__ would set the object's prototype, not a period (the settings refuse the name).
    if (env === '__proto__' || Object.hasOwn(days, env)) continue;
    days[env] = period;
    applied.push(`rotationDays.${env}`);
  }
  for (const key of SCALAR_SETTINGS) if (takeSetting(data.settings, theirs, key)) applied.push(key);
}
