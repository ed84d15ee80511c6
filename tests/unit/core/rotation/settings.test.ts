// The recent-use window is a setting: 15 minutes by default, also for stores written before it
// existed, and changeable.
import { describe, expect, it } from 'vitest';
import { interpretStoreData, openStore } from '../../../../electron/core/store/index.ts';
import { getSettings, updateSettings } from '../../../../electron/core/settings.ts';
import { emptyStoreData } from '../../../../shared/schemas.ts';
import { makeTempDir } from '../../../helpers/tmp.ts';

describe('the recent-use window setting', () => {
  it('defaults to 15 minutes, also in a store file written before the setting existed', () => {
    expect(emptyStoreData().settings.recentUseWindowMin).toBe(15);
    const older = emptyStoreData() as unknown as { settings: Record<string, unknown> };
    delete older.settings.recentUseWindowMin;
    const parsed = interpretStoreData(older, 'f');
    expect(parsed).toMatchObject({ kind: 'ok', data: { settings: { recentUseWindowMin: 15 } } });
  });
  it('is changed through the settings and kept', async () => {
    const dir = makeTempDir('rot-settings');
    const store = await openStore({ dir });
    await updateSettings({ store }, { recentUseWindowMin: 5 });
    expect((await getSettings({ store: await openStore({ dir }) })).recentUseWindowMin).toBe(5);
    await expect(updateSettings({ store }, { recentUseWindowMin: 0 })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
