// API mode: both keys' last use as ApexVerify listed it (with the account key) at verification,
// or as last known before that. The new key's should move, the old key's should stop; a last use
// that is only this app's own check of that key is said to be one, not shown as traffic.
import type { RotationView } from '../../../shared/rotation-view.ts';
import { Stamp } from './stamp.tsx';

interface WhenProps {
  iso: string | null;
  visible?: boolean;
  byApp?: boolean | undefined;
}

function When({ iso, visible = true, byApp }: WhenProps) {
  if (!visible) return <>Not visible: the old key is not linked to a key on the server</>;
  if (!iso) return <>Never</>;
  return byApp ? (
    <>
      Only this app&apos;s check, <Stamp iso={iso} />
    </>
  ) : (
    <Stamp iso={iso} />
  );
}

export function LastUsedFacts({ view }: { view: RotationView }) {
  const listed = view.evidence.verify?.lastUsed ?? null;
  const source = listed ? (
    <>
      as ApexVerify listed them <Stamp iso={listed.listedAt} />
    </>
  ) : (
    'as last known; verifying reads them from ApexVerify'
  );
  return (
    <>
      <dt>Old key last used</dt>
      <dd>
        <When
          iso={listed ? listed.old : (view.oldKey?.lastUsedAt ?? null)}
          visible={listed ? listed.oldListed : true}
          byApp={listed ? listed.oldByApp : view.oldKey?.lastUsedByApp}
        />
      </dd>
      <dt>New key last used</dt>
      <dd>
        <When
          iso={listed ? listed.new : (view.newKey?.lastUsedAt ?? null)}
          byApp={listed ? listed.newByApp : view.newKey?.lastUsedByApp}
        />
        <span className="muted"> ({source})</span>
      </dd>
    </>
  );
}
