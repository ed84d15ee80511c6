// The assignment forms a scan recognises around a copy of the key, and reading a variable's value
// back from any of them (a check of a location found in a YAML or JSON file). Values are compared
// here and never leave: callers get a name or a yes/no.
import { envValues } from '../rotation/env-replace.ts';

const NAME = '[A-Za-z_][A-Za-z0-9_.-]*';
// NAME=value (dotenv, shell), NAME: value (YAML), "NAME": "value" (JSON); optional quotes.
const FORMS = [
  new RegExp(`^\\s*(?:export\\s+)?(${NAME})\\s*=\\s*(["']?)([^"'\\s#]*)\\2\\s*(?:#.*)?$`),
  new RegExp(`^\\s*(["']?)(${NAME})\\1\\s*:\\s*(["']?)([^"'\\s,#]*)\\3\\s*,?\\s*(?:#.*)?$`),
];

/** Name and value of the assignment on `line`, if it is one of the recognised forms. */
function assignment(line: string): { name: string; value: string } | null {
  const a = FORMS[0]?.exec(line);
  if (a) return { name: a[1] ?? '', value: a[3] ?? '' };
  const b = FORMS[1]?.exec(line);
  if (b) return { name: b[2] ?? '', value: b[4] ?? '' };
  return null;
}

/** The variable names assigned exactly `secret` in `text` (empty: it appears, but not assigned). */
export function variablesHolding(text: string, secret: string): string[] {
  const names = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    if (!line.includes(secret)) continue;
    const a = assignment(line);
    if (a && a.value === secret) names.add(a.name);
  }
  return [...names];
}

/** The value `text` assigns to `name` (dotenv rules first, then the YAML and JSON forms). */
export function assignedValue(text: string, name: string): string | undefined {
  const env = envValues(text);
  if (env.has(name)) return env.get(name);
  let found: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    const a = assignment(line);
    if (a?.name === name) found = a.value;
  }
  return found;
}
