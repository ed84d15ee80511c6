// Builds the renderer once for the whole run (about 3 s).
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config.ts';

export default async function globalSetup(): Promise<void> {
  // 'error': rollup's warnings about comments inside zod are noise here.
  await build({ ...rendererConfig, logLevel: 'error' });
}
