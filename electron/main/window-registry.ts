// The windows this app created, by webContents id: the sender check accepts no one else.
// webContents ids are never reused within a process, so a stale id cannot be taken over.
export interface ContentsLike {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
}

export interface WindowRegistry {
  add(contents: ContentsLike): void;
  owns(webContentsId: number): boolean;
}

export function createWindowRegistry(): WindowRegistry {
  const ids = new Set<number>();
  return {
    add(contents) {
      ids.add(contents.id);
      contents.once('destroyed', () => ids.delete(contents.id));
    },
    owns: (id) => ids.has(id),
  };
}
