// Builds the renderer once for the whole run (about 3 s).
import { build } from 'vite';
import { rendererConfig } from '../../vite.renderer.config.ts';

export default async function globalSetup(): Promise<void> {
  await build({ ...rendererConfig, logLevel: 'warn' });
}
