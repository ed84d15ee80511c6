// Types for scripts/icons.mjs (plain JS so `npm run icons` runs it with bare node).
export const SOURCE: string;
export const PNG_SIZES: number[];
export function renderPng(svg: Buffer | string, size: number): Buffer;
export function writeIcons(outDir: string): string[];
