// Renders the whole app on a fake API, the way main.tsx does.
import { render, screen } from '@testing-library/react';
import type { KeyView } from '../../../shared/views.ts';
import { AppRoot } from '../../src/components/app-root.tsx';
import { createAppState } from '../../src/state/create-state.ts';
import '../../src/styles/index.ts';
import { fakeApi, type Overrides } from './fake-api.ts';

export async function renderApp(keys: KeyView[], overrides: Overrides = {}) {
  const { api, calls } = fakeApi(keys, overrides);
  const store = createAppState(api);
  const view = render(<AppRoot store={store} api={api} />);
  await screen.findByRole('heading', { name: 'API keys' });
  return { ...view, store, calls };
}
