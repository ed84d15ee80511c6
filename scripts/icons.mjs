// The app's icons, rendered from the one drawing (resources/icon.svg) into out/icons/: PNGs in
// every size the Linux targets install (png/NxN.png, the folder layout electron-builder reads),
// icon.ico for Windows (16 to 256) and icon.icns for macOS (16 to 1024). Generated at build, not
// committed, so they can never drift from the drawing. Usage: node scripts/icons.mjs [--out DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const SOURCE = join(ROOT, 'resources', 'icon.svg');
/** hicolor sizes for the Linux desktop entry; 1024 also feeds the .icns. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

/** One size of the drawing as a PNG. */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Writes every icon into `outDir` and returns the files written. */
export function writeIcons(outDir) {
  const svg = readFileSync(SOURCE);
  const pngDir = join(outDir, 'png');
  mkdirSync(pngDir, { recursive: true });
  const written = [];
  for (const size of PNG_SIZES) {
    const file = join(pngDir, `${size}x${size}.png`);
    writeFileSync(file, renderPng(svg, size));
    written.push(file);
  }
  const large = renderPng(svg, 1024);
  // Bicubic scaling; the .ico keeps PNG-compressed entries (usePNG), which Windows Vista+ reads.
  const ico = png2icons.createICO(large, png2icons.BICUBIC, 0, true, true);
  const icns = png2icons.createICNS(large, png2icons.BICUBIC, 0);
  if (!ico || !icns) throw new Error('png2icons could not convert the 1024 px rendering');
  writeFileSync(join(outDir, 'icon.ico'), ico);
  writeFileSync(join(outDir, 'icon.icns'), icns);
  writeFileSync(join(outDir, 'icon.png'), large);
  written.push(join(outDir, 'icon.ico'), join(outDir, 'icon.icns'), join(outDir, 'icon.png'));
  return written;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf('--out');
  const outDir = flag > 0 ? process.argv[flag + 1] : join(ROOT, 'out', 'icons');
  if (!outDir) {
    console.error('Usage: node scripts/icons.mjs [--out DIR]');
    process.exit(2);
  }
  const files = writeIcons(outDir);
  console.log(`Icons: ${files.length} files in ${outDir}`);
}
