// Driving the rotation wizard in happy-dom: open it on a fake run, read a blocked button's reason.
import { act, fireEvent, screen, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { RotationView } from '../../../shared/rotation-view.ts';
import { makeKey, type Overrides } from './fake-api.ts';
import { renderApp } from './render-app.tsx';

export const old = makeKey({ id: 'key_old', label: 'prod-api' });

export const click = (el: HTMLElement) =>
  act(async () => {
    fireEvent.click(el);
  });

/** The reason a blocked button gives (its aria-describedby); null when it is not blocked. */
export function reasonOf(button: HTMLElement, shown = true): string | null {
  if (button.getAttribute('aria-disabled') !== 'true') return null;
  const reason = document.getElementById(button.getAttribute('aria-describedby') ?? '');
  // The wizard shows it as text beside the button; elsewhere it is the tooltip.
  expect(reason?.hidden).toBe(!shown);
  return reason?.textContent ?? null;
}

/** The app with these keys, the run answered by getRotation/listRotations; opens the wizard. */
export async function openWizard(
  view: RotationView | null,
  overrides: Overrides = {},
  keys = [old],
) {
  const app = await renderApp(keys, {
    listRotations: () => (view?.open ? [view] : []),
    getRotation: () => view,
    ...overrides,
  });
  await click(screen.getByRole('row', { name: /prod-api/ }));
  const panel = screen.getByRole('region', { name: 'prod-api' });
  const name = view?.open ? 'Resume rotation…' : 'Rotate…';
  await click(within(panel).getByRole('button', { name }));
  const wizard = await screen.findByRole('dialog', { name: 'Rotate “prod-api”' });
  await screen.findByText(/^Step \d of 4/);
  return { ...app, wizard, w: within(wizard) };
}

export const called = (calls: Array<{ channel: string; input: unknown }>, channel: string) =>
  calls.filter((c) => c.channel === channel).map((c) => c.input);
