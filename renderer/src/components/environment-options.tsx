// Suggestions for an environment field: the usual three and every environment in use.
import { useMemo } from 'react';
import { environmentsOf } from '../lib/key-list.ts';
import { useAppState } from '../state/context.ts';

export function EnvironmentOptions({ id }: { id: string }) {
  const keys = useAppState((s) => s.keys);
  const envs = useMemo(() => environmentsOf(keys, true), [keys]);
  return (
    <datalist id={id}>
      {envs.map((e) => (
        <option key={e} value={e} />
      ))}
    </datalist>
  );
}
