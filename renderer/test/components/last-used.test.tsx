// Last used, when ApexVerify's last use of a key is only this app's own check (a Verify, an
// import's proof): the list, the details and the rotation's evidence say so, and real use reads
// as before.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { LastUsedFacts } from '../../src/components/last-used-facts.tsx';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';
import { viewAt } from '../support/rotation-views.ts';

afterEach(cleanup);

const fiveMinAgo = new Date(Date.now() - 5 * 60_000).toISOString();
const keys = [
  makeKey({ label: 'checked-only', lastUsedAt: fiveMinAgo, lastUsedByApp: true }),
  makeKey({ label: 'in-traffic', lastUsedAt: fiveMinAgo, lastUsedByApp: false }),
  makeKey({ label: 'never-used' }),
];

/** The text of a row's Last used cell (the grid's cells follow the column headers). */
function lastUsedCell(label: string): string {
  const row = screen.getByRole('row', { name: new RegExp(label) });
  const headers = screen.getAllByRole('columnheader').map((h) => h.textContent ?? '');
  const at = headers.findIndex((h) => h.includes('Last used'));
  // The exact time follows as the tooltip's text, hence the callers' ^ matches.
  return within(row).getAllByRole('gridcell')[at]?.textContent ?? '';
}

describe('Last used', () => {
  test('reads "App check" in the list and "Only this app\'s check, 5 minutes ago" in the details', async () => {
    await renderApp(keys);
    // The list's short form, one line; the sentence is its tooltip.
    expect(lastUsedCell('checked-only')).toMatch(
      /^App check\s*Only this app's check, 5 minutes ago/,
    );
    expect(lastUsedCell('in-traffic')).toMatch(/^5 minutes ago/);
    expect(lastUsedCell('never-used')).toBe('Never');
    await act(async () => {
      fireEvent.click(screen.getByRole('row', { name: /checked-only/ }));
    });
    const panel = screen.getByRole('region', { name: 'checked-only' });
    const dates = within(panel).getByRole('group', { name: 'Dates' });
    const term = within(dates).getByText('Last used');
    expect(term.nextElementSibling?.textContent).toMatch(/^Only this app's check, 5 minutes ago/);
  });

  test("the rotation's evidence says which listed last use was the app's own check", () => {
    const old = makeKey({ label: 'prod-api' });
    const base = viewAt(old, 'revoke');
    const verify = base.evidence.verify;
    if (!verify) throw new Error('no verify evidence');
    const view = {
      ...base,
      evidence: {
        ...base.evidence,
        verify: {
          ...verify,
          lastUsed: {
            listedAt: new Date().toISOString(),
            old: fiveMinAgo,
            new: new Date(Date.now() - 30_000).toISOString(),
            oldListed: true,
            oldByApp: true,
            newByApp: false,
          },
        },
      },
    };
    render(
      <dl>
        <LastUsedFacts view={view} />
      </dl>,
    );
    const fact = (term: string) => screen.getByText(term).nextElementSibling?.textContent ?? '';
    expect(fact('Old key last used')).toMatch(/^Only this app's check, 5 minutes ago/);
    expect(fact('New key last used')).toMatch(/^30 s ago/);
  });
});
