// The key's audit trail, newest first; reloaded after every action on a key.
import { useEffect, useState } from 'react';
import type { AuditEvent } from '../../../shared/schemas.ts';
import { codeWords } from '../lib/errors.ts';
import { useApi, useAppState } from '../state/context.ts';
import { RelativeTime } from './relative-time.tsx';

const ACTION_TEXT: Record<AuditEvent['action'], string> = {
  'account-added': 'Account added',
  'account-renamed': 'Account renamed',
  'account-removed': 'Account removed',
  created: 'Created',
  imported: 'Saved from the dashboard',
  generated: 'Generated',
  verified: 'Verified',
  copied: 'Copied to the clipboard',
  revealed: 'Revealed',
  exported: 'Written to a .env file',
  ran: 'Passed to a command',
  updated: 'Details edited',
  disabled: 'Disabled',
  enabled: 'Enabled',
  revoked: 'Revoked',
  synced: 'Synced',
  'rotation-step': 'Rotation step',
};

function detailOf(e: AuditEvent): string | null {
  const d = e.detail ?? {};
  if (typeof d.file === 'string') return d.file;
  if (typeof d.command === 'string') return d.command;
  if (d.proof === '401') return 'proof: 401';
  // The store keeps the code (the CLI's --json shows it); the window shows its words.
  if (typeof d.error === 'string') return codeWords(d.error);
  return null;
}

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
          {unreadable === 1 ? '1 line' : `${unreadable} lines`} of the audit file could not be read
          (damaged by a crash or edited by hand); every other event is shown.
        </p>
      )}
      {events !== null && events.length === 0 && <p className="muted">Nothing recorded yet.</p>}
      {events !== null && events.length > 0 && (
        <ol className="audit" aria-labelledby="audit-heading">
          {events.map((e, i) => {
            const detail = detailOf(e);
            return (
              <li key={`${e.at}-${i}`} className={`audit__item audit__item--${e.outcome}`}>
                <span className="audit__action">
                  {ACTION_TEXT[e.action]}
                  {e.outcome === 'failed' ? ' (failed)' : ''}
                </span>
                {detail && <span className="audit__detail mono">{detail}</span>}
                <span className="audit__meta">
                  {e.actor === 'cli' ? 'CLI' : 'App'} · <RelativeTime iso={e.at} tabIndex={-1} />
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
