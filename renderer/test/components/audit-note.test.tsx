// The key's audit trail says when lines of the audit file could not be read (issue 9, defect 6).
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, test } from 'vitest';
import { makeKey } from '../support/fake-api.ts';
import { renderApp } from '../support/render-app.tsx';

afterEach(cleanup);

const keys = [makeKey({ label: 'checkout-prod' })];

async function auditOf(label: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('row', { name: new RegExp(label) }));
  });
  const panel = screen.getByRole('region', { name: label });
  return within(panel).getByRole('group', { name: 'Audit trail' });
}

describe('the audit trail', () => {
  test('shows one note when lines could not be read', async () => {
    await renderApp(keys, { keyAudit: () => ({ events: [], unreadableLines: 2 }) });
    const audit = await auditOf('checkout-prod');
    expect(within(audit).getByRole('note').textContent).toMatch(
      /^2 lines of the audit file could not be read/,
    );
  });

  test('shows no note when every line was read', async () => {
    await renderApp(keys);
    const audit = await auditOf('checkout-prod');
    expect(within(audit).queryByRole('note')).toBeNull();
  });
});
