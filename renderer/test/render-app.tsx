// Renders the whole app on a fake API, the way main.tsx does.
import { render, screen } from '@testing-library/react';
import type { KeyView } from '../../shared/views.ts';
import { AppRoot } from '../src/components/app-root.tsx';
import { createAppStore } from '../src/store/store.ts';
import '../src/styles/index.ts';
import { fakeApi, type Overrides } from './fake-api.ts';

export async function renderApp(keys: KeyView[], overrides: Overrides = {}) {
  const { api, calls } = fakeApi(keys, overrides);
  const store = createAppStore(api);
  const view = render(<AppRoot store={store} api={api} />);
  await screen.findByRole('heading', { name: 'API keys' });
  return { ...view, store, calls };
}
