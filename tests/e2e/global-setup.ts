// Builds the renderer and the preview host once for the whole run (a few seconds).
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config.ts';
import { buildPreviewBundle } from './support/preview-bundle.ts';

export default async function globalSetup(): Promise<void> {
  // 'error': rollup's warnings about comments inside zod are noise here.
  await build({ ...rendererConfig, logLevel: 'error' });
  await buildPreviewBundle();
}
