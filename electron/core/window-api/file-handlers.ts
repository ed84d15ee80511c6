// The native file and folder choosers: the host's, when it has one (Electron's dialog from main);
// the preview host has none, and the window then shows a path field.
import type { AppContext } from './context.ts';
import type { Handlers } from './handlers.ts';

type FileHandlers = Pick<Handlers, 'chooseFiles'>;

export function createFileHandlers(ctx: AppContext): FileHandlers {
  return {
    async chooseFiles(input) {
      if (!ctx.dialogs) return { supported: false, paths: [] };
      return { supported: true, paths: await ctx.dialogs.choose(input) };
    },
  };
}
