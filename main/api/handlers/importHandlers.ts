import type { Handlers } from '../dispatcher.ts';
import type { HandlerContext } from '../handlerContext.ts';

type ImportCalls = Pick<Handlers, 'openImport' | 'reviseImport' | 'commitImport' | 'closeImport'>;

/** The import dialog: open a sheet, look at it again with other choices, import it. */
export function importHandlers({ imports }: HandlerContext): ImportCalls {
  return {
    openImport: ({ source }) => imports.open(source),
    reviseImport: ({ importId, ...revision }) => imports.revise(importId, revision),
    commitImport: ({ importId, name }) => imports.commit(importId, name),
    closeImport: ({ importId }) => ({ closed: imports.close(importId) }),
  };
}
