// The window's clipboard: Electron's CLIPBOARD through the core's guard, never Linux's PRIMARY
// selection, and cleared when the screen locks if it still holds the app's value.
import { describe, expect, it, vi } from 'vitest';
import { createAppClipboard, systemClipboard } from '../../../electron/main/clipboard.ts';
import { electronFake } from '../../helpers/fake-electron.ts';

vi.mock('electron', async () => (await import('../../helpers/fake-electron.ts')).electronFake);

const { clipboard, powerMonitor, state } = electronFake;

describe('system clipboard', () => {
  it('writes, reads and clears CLIPBOARD only, never the PRIMARY selection', async () => {
    const sys = systemClipboard();
    await sys.writeText('avk_test_value');
    expect(await sys.readText()).toBe('avk_test_value');
    await sys.clear();
    expect(state.clipboardText.value).toBe('');
    expect(clipboard.writeText).toHaveBeenCalledWith('avk_test_value');
    for (const fn of Object.values(clipboard.selection)) expect(fn).not.toHaveBeenCalled();
  });
});

describe('the app clipboard', () => {
  it('clears on screen lock while unchanged, and leaves the user’s own copy alone', async () => {
    const guard = createAppClipboard();
    await guard.copy('avk_test_value', 3600);
    powerMonitor.emit('lock-screen');
    await vi.waitFor(() => expect(state.clipboardText.value).toBe(''));

    await guard.copy('avk_test_value', 3600);
    state.clipboardText.value = 'copied by the user';
    powerMonitor.emit('lock-screen');
    await new Promise((r) => setTimeout(r, 10));
    expect(state.clipboardText.value).toBe('copied by the user');
    guard.dispose();
    for (const fn of Object.values(clipboard.selection)) expect(fn).not.toHaveBeenCalled();
  });
});
