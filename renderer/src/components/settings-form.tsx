// The Settings form: every setting the CLI's `apexkeys settings` shows, checked at its field
// (the core's ranges), saved together. A refusal from the core that names a field shows there.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Settings } from '../../../shared/schemas.ts';
import { usePending } from '../hooks/use-selectors.ts';
import { environmentsOf } from '../lib/key-list.ts';
import {
  NEVER,
  rotationEnvironments,
  rotationField,
  toPatch,
  toValues,
  type Problems,
  type SettingsValues,
} from '../lib/settings-form.ts';
import { applyTheme } from '../lib/theme.ts';
import { PRODUCTION } from '../../../shared/settings-rules.ts';
import { useAppState } from '../state/context.ts';
import { ActionButton } from './action-button.tsx';
import { ErrorAlert } from './error-alert.tsx';
import { Field } from './field.tsx';
import { IdentitySection } from './identity-section.tsx';
import { SettingsCheckbox, ThemeChoice } from './settings-choices.tsx';

interface Props {
  settings: Settings;
  onCancel: () => void;
  onSaved: () => void;
}

export function SettingsForm({ settings, onCancel, onSaved }: Props) {
  const { keys, save, error } = useAppState(
    useShallow((s) => ({ keys: s.keys, save: s.saveSettings, error: s.errors.settings })),
  );
  const busy = usePending('settings');
  const [initial] = useState(() =>
    toValues(settings, rotationEnvironments(settings, environmentsOf(keys))),
  );
  const [values, setValues] = useState<SettingsValues>(initial);
  const [refused, setRefused] = useState<Problems>({});
  const [tried, setTried] = useState(false);
  const local = toPatch(values, initial);
  const problems: Problems = { ...refused, ...local.problems };

  const edit = (change: Partial<SettingsValues>) => {
    setRefused({});
    setValues((v) => ({ ...v, ...change }));
  };
  const text = (
    key: 'clipboardClearSec' | 'ratePercent' | 'recentUseWindowMin' | 'reminderDays',
  ) => ({ value: values[key], onChange: (v: string) => edit({ [key]: v }), showProblem: tried });

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    const form = e.currentTarget;
    const focusProblem = () =>
      // After React has shown the problem: the first field it marked gets the focus.
      requestAnimationFrame(() =>
        form.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
    if (busy) return;
    if (Object.keys(local.problems).length > 0) return focusProblem();
    const r = await save(local.patch);
    if (r.ok) return onSaved();
    if (r.error.field) {
      setRefused({ [r.error.field]: r.error.message });
      focusProblem();
    }
  };

  return (
    <form className="modal__body" onSubmit={submit} noValidate>
      {error && <ErrorAlert failure={error} />}
      <Field
        label="Clear the clipboard after (seconds)"
        {...text('clipboardClearSec')}
        problem={problems.clipboardClearSec ?? null}
        inputMode="numeric"
        autoFocus
      />
      <Field
        label="Verify all may use (% of the rate limit)"
        {...text('ratePercent')}
        problem={problems.rateShare ?? null}
        inputMode="decimal"
      />
      <Field
        label="Warn about recent use within (minutes)"
        {...text('recentUseWindowMin')}
        problem={problems.recentUseWindowMin ?? null}
        inputMode="numeric"
      />
      {Object.keys(values.rotation).map((env) => (
        <Field
          key={env}
          label={`Rotation period for ${env} (days)`}
          value={values.rotation[env] ?? ''}
          onChange={(v) => edit({ rotation: { ...values.rotation, [env]: v } })}
          problem={problems[rotationField(env)] ?? null}
          showProblem={tried}
          hint={env === PRODUCTION ? undefined : `A number of days, or "${NEVER}".`}
        />
      ))}
      <Field
        label="Remind me about keys due within (days)"
        {...text('reminderDays')}
        problem={problems.reminderDays ?? null}
        inputMode="numeric"
      />
      <SettingsCheckbox
        id="settings-reminders"
        label="Show reminders"
        checked={values.reminders}
        onChange={(reminders) => edit({ reminders })}
      />
      <SettingsCheckbox
        id="settings-hide-sandbox"
        label="Hide the built-in sandbox account"
        checked={values.hideSandbox}
        onChange={(hideSandbox) => edit({ hideSandbox })}
      />
      <ThemeChoice
        value={values.theme}
        onChange={(theme) => {
          applyTheme(theme);
          edit({ theme });
        }}
      />
      <IdentitySection />
      <div className="modal__actions">
        <button type="button" className="btn btn--default" onClick={onCancel}>
          Cancel
        </button>
        <ActionButton type="submit" variant="primary" busy={busy}>
          Save
        </ActionButton>
      </div>
    </form>
  );
}
