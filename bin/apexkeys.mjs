#!/usr/bin/env node
// Runs the TypeScript CLI straight from the repository (tsx compiles on the fly), so
// `npx apexkeys` works on a fresh clone with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../electron/cli/main.ts');
