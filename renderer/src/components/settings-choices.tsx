// The Settings form's switches: the reminder and sandbox checkboxes and the Theme radio group.
import type { Theme } from '../lib/theme.ts';

interface CheckProps {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function SettingsCheckbox({ id, label, checked, onChange }: CheckProps) {
  return (
    <div className="choice">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

const THEMES: Array<{ value: Theme; label: string }> = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
];

/** Each choice is applied to the window at once (a preview); Cancel puts the saved one back. */
export function ThemeChoice({ value, onChange }: { value: Theme; onChange: (t: Theme) => void }) {
  return (
    <fieldset className="choices">
      <legend>Theme</legend>
      {THEMES.map((t) => (
        <div key={t.value} className="choice">
          <input
            id={`theme-${t.value}`}
            type="radio"
            name="settings-theme"
            value={t.value}
            checked={value === t.value}
            onChange={() => onChange(t.value)}
          />
          <label htmlFor={`theme-${t.value}`}>{t.label}</label>
        </div>
      ))}
    </fieldset>
  );
}
