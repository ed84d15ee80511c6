// The leak check: no secret in the DOM, in Web Storage or in the renderer's state.
import { expect, type Page } from '@playwright/test';

export async function pageSnapshot(page: Page): Promise<string> {
  return page.evaluate(() => {
    const dump = (s: Storage) =>
      Array.from({ length: s.length }, (_, i) => {
        const k = s.key(i) ?? '';
        return `${k}=${s.getItem(k) ?? ''}`;
      }).join('\n');
    const w = window as unknown as { __apexKeysState?: () => unknown };
    return [
      document.documentElement.outerHTML,
      // Input values are properties, not attributes: read them too.
      Array.from(document.querySelectorAll('input, textarea'))
        .map((e) => (e as HTMLInputElement).value)
        .join('\n'),
      dump(localStorage),
      dump(sessionStorage),
      JSON.stringify(w.__apexKeysState?.() ?? null),
    ].join('\n');
  });
}

export async function expectNoSecrets(page: Page, secrets: string[]): Promise<void> {
  const snapshot = await pageSnapshot(page);
  for (const secret of secrets)
    expect(snapshot.includes(secret), 'a secret is in the page, its storage or its state').toBe(
      false,
    );
}
