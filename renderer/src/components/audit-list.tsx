// The key's audit trail, newest first; reloaded after every action on a key.
import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../shared/schemas.ts';
import { actionWords, actorWords, detailOf, unreadableWords } from '../lib/audit-words.ts';
import { useApi, useAppState } from '../state/context.ts';
import { RelativeTime } from './relative-time.tsx';

export function AuditList({ keyId }: { keyId: string }) {
  const api = useApi();
  const revision = useAppState((s) => s.revision);
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [unreadable, setUnreadable] = useState(0);

  useEffect(() => {
    let live = true;
    void api.keyAudit({ id: keyId, limit: 50 }).then((r) => {
      if (!live) return;
      if (r.ok) {
        setEvents(r.value.events);
        setUnreadable(r.value.unreadableLines ?? 0);
        setFailed(null);
      } else setFailed(r.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, keyId, revision]);

  return (
    <div role="group" className="details__section" aria-labelledby="audit-heading">
      <h3 id="audit-heading">Audit trail</h3>
      {failed && <p className="field__problem">The audit trail could not be read: {failed}</p>}
      {unreadable > 0 && (
        <p className="muted" role="note">
          {unreadableWords(unreadable)}
        </p>
      )}
      {events !== null && events.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {events !== null && events.length > 0 && (
        <ol className="audit" aria-labelledby="audit-heading">
          {events.map((e, i) => {
            const detail = detailOf(e);
            return (
              <li key={`${e.at}-${i}`} className={`audit__item audit__item--${e.outcome}`}>
                <span className="audit__action">{actionWords(e)}</span>
                {detail && <span className="audit__detail mono">{detail}</span>}
                <span className="audit__meta">
                  {actorWords(e)} · <RelativeTime iso={e.at} tabIndex={-1} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
