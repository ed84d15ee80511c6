// Types for scripts/dist-check.mjs (plain JS so `npm run dist:check` runs it with bare node).
export const APP_EXECUTABLE: string;
export const CLI_ENTRY: string;
export const FUSES: Record<string, boolean>;
export const ICO_SIZES: number[];
export const ICNS_TYPES: string[];
export function stageProject(dir: string): Promise<string>;
export function stubElectron(dir: string): string;
export function pack(project: string, electronDist: string, output: string): Promise<string>;
export interface Manifest {
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
export function listingProblems(lines: string[], pkg: Manifest): string[];
export function icoSizes(buf: Buffer): number[];
export function icnsTypes(buf: Buffer): string[];
export function iconProblems(iconsDir: string): string[];
export function packageProblems(appDir: string, project: string): Promise<string[]>;
