// The repository's root folder, for tests that read sources, run scripts or find build output:
// one definition, so a test can move within the tree without recounting '../'.
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
