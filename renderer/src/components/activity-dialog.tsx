// The Activity dialog: the whole audit trail (every key, every account), newest first, filtered
// by key, account and action, in the same words as each key's own trail (lib/audit-words.ts).
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { AUDIT_ACTIONS, type AuditEvent } from '../../../shared/schemas.ts';
import { ACTION_TEXT, unreadableWords } from '../lib/audit-words.ts';
import { useAppState } from '../state/context.ts';
import { ActivityList } from './activity-list.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Modal } from './modal.tsx';

const isAction = (v: string): v is AuditEvent['action'] =>
  (AUDIT_ACTIONS as readonly string[]).includes(v);

export function ActivityDialog() {
  const s = useAppState(
    useShallow((st) => ({
      close: st.closeDialog,
      keys: st.keys,
      accounts: st.accounts,
      activity: st.activity,
      filter: st.activityFilter,
      loading: st.activityLoading,
      error: st.errors.activity,
      load: st.loadActivity,
      setFilter: st.setActivityFilter,
      revision: st.revision,
    })),
  );
  const { load } = s;
  // Reloaded when opened and after any change the window makes or hears of.
  useEffect(() => void load(), [load, s.revision]);

  // Keys that share a label in different accounts are told apart by the account.
  const keyOptions = useMemo(() => {
    const several = new Set(s.keys.map((k) => k.accountId)).size > 1;
    return [...s.keys]
      .sort((a, b) => a.label.localeCompare(b.label))
      .map((k) => ({ id: k.id, text: several ? `${k.label} (${k.account})` : k.label }));
  }, [s.keys]);
  const accountName = useMemo(() => new Map(s.accounts.map((a) => [a.id, a.name])), [s.accounts]);

  const a = s.activity;
  const shown = a?.events.length ?? 0;
  return (
    <Modal labelledBy="activity-dialog-title" onClose={s.close} className="modal--activity">
      <h2 id="activity-dialog-title" className="modal__title">
        Activity
      </h2>
      <div className="modal__body">
        <div className="activity__filters" role="group" aria-label="Filter the activity">
          <label className="field">
            <span>Key</span>
            <select
              className="input"
              value={s.filter.keyId}
              onChange={(e) => void s.setFilter({ keyId: e.target.value })}
              data-autofocus=""
            >
              <option value="">All keys</option>
              {keyOptions.map((k) => (
                <option key={k.id} value={k.id}>
                  {k.text}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Account</span>
            <select
              className="input"
              value={s.filter.accountId}
              onChange={(e) => void s.setFilter({ accountId: e.target.value })}
            >
              <option value="">All accounts</option>
              {s.accounts.map((acc) => (
                <option key={acc.id} value={acc.id}>
                  {acc.name}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span>Action</span>
            <select
              className="input"
              value={s.filter.action}
              onChange={(e) => {
                const v = e.target.value;
                void s.setFilter({ action: isAction(v) ? v : '' });
              }}
            >
              <option value="">All actions</option>
              {AUDIT_ACTIONS.map((act) => (
                <option key={act} value={act}>
                  {ACTION_TEXT[act]}
                </option>
              ))}
            </select>
          </label>
        </div>
        {s.error && <ErrorAlert failure={s.error} />}
        {a?.unreadableLines && (
          <p className="muted" role="note">
            {unreadableWords(a.unreadableLines)}
          </p>
        )}
        <p className="muted" role="status" aria-live="polite">
          {a === null
            ? 'Reading the audit trail…'
            : a.total === 0
              ? 'No events match these filters.'
              : shown < a.total
                ? `The newest ${shown} of ${a.total} events.`
                : a.total === 1
                  ? '1 event.'
                  : `${a.total} events, newest first.`}
        </p>
        {a && a.events.length > 0 && (
          <ActivityList
            events={a.events}
            accountName={(id) =>
              id === null ? null : (accountName.get(id) ?? 'a removed account')
            }
            busy={s.loading}
          />
        )}
        <div className="modal__actions">
          <button type="button" className="btn btn--default" onClick={s.close}>
            Close
          </button>
        </div>
      </div>
    </Modal>
  );
}
