// API mode: both keys' last use as ApexVerify listed it (with the account key) at verification,
// or as last known before that. The new key's should move, the old key's should stop.
import type { RotationView } from '../../../shared/rotation-view.ts';
import { Stamp } from './stamp.tsx';

function When({ iso, visible = true }: { iso: string | null; visible?: boolean }) {
  if (!visible) return <>Not visible: the old key is not linked to a key on the server</>;
  return iso ? <Stamp iso={iso} /> : <>Never</>;
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
        />
      </dd>
      <dt>New key last used</dt>
      <dd>
        <When iso={listed ? listed.new : (view.newKey?.lastUsedAt ?? null)} />
        <span className="muted"> ({source})</span>
      </dd>
    </>
  );
}
