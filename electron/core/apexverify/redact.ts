// Server text can echo what we sent or what it issued; nothing secret may reach an error.

export const REDACTED = '[redacted]';

// JSON fields that hold a secret in this API ("key" on POST /v1/api-keys) or plausibly might
// ("secret", "api_key", "new_token"...). Truncated JSON counts too: the closing quote is optional.
const SECRET_NAME = /key|secret|token|password/i;
const SECRET_FIELD_RE =
  /"([\w-]*(?:key|secret|token|password)[\w-]*)"(\s*:\s*)"(?:[^"\\]|\\.)*"?/gi;
// The sandbox's secret format; secrets are undocumented, so this is extra safety, not the rule.
const KEYLIKE_RE = /avk_[A-Za-z0-9]+/g;

/** Replaces every known secret (also JSON- and URL-escaped), secret-named JSON fields and key-like tokens. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const s of secrets) {
    if (s.length === 0) continue;
    for (const form of new Set([s, JSON.stringify(s).slice(1, -1), encodeURIComponent(s)])) {
      out = out.split(form).join(REDACTED);
    }
  }
  return out
    .replace(SECRET_FIELD_RE, (_m, name: string, sep: string) => `"${name}"${sep}"${REDACTED}"`)
    .replace(KEYLIKE_RE, REDACTED);
}

/** At most `max` characters of redacted text; redaction comes first so a cut never leaves half a secret. */
export function snippet(text: string, secrets: readonly string[], max = 200): string {
  const r = redact(text, secrets).replace(/\s+/g, ' ').trim();
  return r.length > max ? `${r.slice(0, max - 1)}…` : r;
}

/** Secret-looking string values anywhere in a parsed JSON body, so they can be redacted too. */
export function secretsIn(value: unknown, depth = 0): string[] {
  if (depth > 8 || value === null || typeof value !== 'object') return [];
  const found: string[] = [];
  for (const [k, v] of Object.entries(value)) {
    // Very short values are not usable secrets, and replacing them would garble the message.
    if (typeof v === 'string' && SECRET_NAME.test(k)) {
      if (v.length >= 8) found.push(v);
    } else found.push(...secretsIn(v, depth + 1));
  }
  return found;
}
