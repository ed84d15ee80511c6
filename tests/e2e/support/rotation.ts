// The rotation wizard by role and name, and what the core recorded of a run, for the rotation
// specs.
import { expect, type Locator, type Page } from '@playwright/test';
import type { AppHandle } from './app.ts';
import { openDetails } from './ui.ts';

export const wizardOf = (page: Page, label: string): Locator =>
  page.getByRole('dialog', { name: `Rotate “${label}”` });

/** The stepper's current step (aria-current="step"). */
export const currentStep = (wizard: Locator): Locator =>
  wizard.getByRole('list', { name: 'Rotation steps' }).locator('[aria-current="step"]');

/** Opens the key's details and its wizard with the panel's button ("Rotate…" or "Resume…"). */
export async function openWizard(
  page: Page,
  label: string,
  button: 'Rotate…' | 'Resume rotation…' = 'Rotate…',
): Promise<Locator> {
  const panel = await openDetails(page, label);
  await panel.getByRole('button', { name: button }).click();
  const wizard = wizardOf(page, label);
  await expect(wizard).toBeVisible();
  await expect(wizard.getByText('Loading the rotation…')).toHaveCount(0);
  return wizard;
}

/** A button is offered but unavailable, saying why (aria-disabled, described by the reason). */
export async function expectBlocked(button: Locator, why: RegExp | string): Promise<void> {
  await expect(button).toHaveAttribute('aria-disabled', 'true');
  await expect(button).toHaveAccessibleDescription(why);
}

export async function expectEnabled(button: Locator): Promise<void> {
  await expect(button).toBeVisible();
  await expect(button).not.toHaveAttribute('aria-disabled');
}

/** The steps the audit trail of the old key holds for its runs, in order. */
export async function rotationSteps(app: AppHandle, oldKeyId: string): Promise<string[]> {
  return (await app.deps.audit.list({ keyId: oldKeyId }))
    .filter((e) => e.action === 'rotation-step')
    .map((e) => String(e.detail?.step));
}

/** The run of this old key as the store holds it. */
export async function runOf(app: AppHandle, oldKeyId: string) {
  const run = (await app.deps.store.read()).rotations.find((r) => r.oldKeyId === oldKeyId);
  if (!run) throw new Error(`no rotation of ${oldKeyId}`);
  return run;
}
