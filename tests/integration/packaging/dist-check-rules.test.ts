// The rules of `npm run dist:check` (scripts/dist-check.mjs) bite: each is fed a package that
// breaks it and must name the problem, so a passing packaged build (fuses.test.ts) means
// something. The icons are rendered from resources/icon.svg for real and read back.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ICNS_TYPES,
  ICO_SIZES,
  icnsTypes,
  icoSizes,
  iconProblems,
  listingProblems,
} from '../../../scripts/dist-check.mjs';
import { PNG_SIZES, writeIcons } from '../../../scripts/icons.mjs';
import { makeTempDir } from '../../helpers/tmp.ts';

const GOOD = [
  'pack   : /package.json',
  'pack   : /out/main/index.js',
  'pack   : /out/preload/index.cjs',
  'pack   : /out/renderer/index.html',
  'pack   : /out/renderer/assets/index-1.js',
  'unpack : /out/cli/main.js',
  'unpack : /out/cli/chunks/get-1.js',
  'pack   : /node_modules/zod/index.js',
  'pack   : /node_modules/proper-lockfile/index.js',
  'pack   : /node_modules/electron-store/index.js',
  'pack   : /node_modules/conf/index.js',
  'unpack : /node_modules/@github/keytar/lib/keytar.js',
];
const DEV = {
  dependencies: { '@github/keytar': '1', 'electron-store': '1', zod: '1', conf: '1' },
  devDependencies: { vitest: '1', react: '1' },
};

describe('the asar listing rule', () => {
  it('accepts the built app with its production dependencies', () => {
    expect(listingProblems(GOOD, DEV)).toEqual([]);
  });

  it.each([
    ['a test file', 'pack   : /tests/unit/x.test.ts', /source or test file|not part of the app/],
    ['a source file', 'pack   : /electron/main/index.ts', /source or test file/],
    ['a benchmark', 'pack   : /bench/verify-all.ts', /source or test file/],
    ['a source map', 'pack   : /out/main/index.js.map', /source map/],
    ['an .env file', 'pack   : /out/main/.env.local', /\.env file/],
    ['a dev dependency', 'pack   : /node_modules/vitest/index.js', /vitest/],
    ['the CLI runner', 'pack   : /node_modules/tsx/index.js', /tsx/],
    ['a stray top-level file', 'pack   : /README.md', /not part of the app/],
  ])('names %s', (_what, line, problem) => {
    const problems = listingProblems([...GOOD, line], DEV);
    expect(problems.join('\n')).toMatch(problem);
  });

  it.each([
    ['main', '/out/main/index.js', /missing \/out\/main\/index\.js/],
    ['the CLI bundle', '/out/cli/main.js', /missing \/out\/cli\/main\.js/],
    ['electron-store', '/node_modules/electron-store/index.js', /missing: electron-store/],
    ['keytar', '/node_modules/@github/keytar/lib/keytar.js', /missing: @github\/keytar/],
  ])('names %s when it is missing', (_what, path, problem) => {
    const problems = listingProblems(
      GOOD.filter((l) => !l.endsWith(` ${path}`)),
      DEV,
    );
    expect(problems.join('\n')).toMatch(problem);
  });

  it('names a production dependency that is missing', () => {
    const pkg = { ...DEV, dependencies: { ...DEV.dependencies, 'left-pad': '1' } };
    expect(listingProblems(GOOD, pkg)).toEqual(['production dependency missing: left-pad']);
  });

  it('needs the CLI unpacked, where a system Node can run it', () => {
    const packed = GOOD.map((l) =>
      l.replace('unpack : /out/cli/main.js', 'pack   : /out/cli/main.js'),
    );
    expect(listingProblems(packed, DEV)).toEqual([expect.stringMatching(/is packed/)]);
  });
});

describe('the icons', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are rendered in every size each target needs, and a missing one is named', () => {
    dir = makeTempDir('icons');
    writeIcons(dir);
    expect(iconProblems(dir)).toEqual([]);
    expect(icoSizes(readFileSync(join(dir, 'icon.ico')))).toEqual(
      expect.arrayContaining(ICO_SIZES),
    );
    expect(icnsTypes(readFileSync(join(dir, 'icon.icns')))).toEqual(
      expect.arrayContaining(ICNS_TYPES),
    );
    for (const size of PNG_SIZES) {
      const png = readFileSync(join(dir, 'png', `${size}x${size}.png`));
      // The IHDR chunk: width and height, big-endian, at bytes 16 and 20.
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
    }

    rmSync(join(dir, 'png', '48x48.png'));
    rmSync(join(dir, 'icon.icns'));
    expect(iconProblems(dir)).toEqual(['missing Linux icon 48x48', 'missing icon.icns']);
  });
});
