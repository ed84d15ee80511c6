// The row the keyboard is on (active) and the key shown in the details panel (open).
import type { SliceCreator } from './types.ts';

export interface SelectionSlice {
  activeId: string | null;
  openId: string | null;
  setActive(id: string | null): void;
  openKey(id: string): void;
  closeDetails(): void;
}

export const createSelectionSlice: SliceCreator<SelectionSlice> = (set) => ({
  activeId: null,
  openId: null,
  setActive: (activeId) => set({ activeId }),
  openKey: (id) => set({ activeId: id, openId: id }),
  closeDetails: () => set({ openId: null }),
});
