import { create } from 'zustand';
import type { GenvidApi } from '../../../shared/contract/api.ts';
import { ApiCallError } from '../../../shared/contract/errors.ts';
import type { ImportPreview, SheetFieldName } from '../../../shared/contract/importSchemas.ts';
import type { ProviderChoice, ProviderChoiceId } from '../../../shared/providers/choices.ts';
import type { ImportSource, Platform } from '../../api/platform.ts';
import { useAppStore } from '../../store/appStore.ts';
import { showToast } from '../../components/toastStore.ts';
import { resolveLocale } from '../../../shared/i18n/locale.ts';
import { translate } from '../../../shared/i18n/translate.ts';
import { mappingWith } from './mapping.ts';

type TextEncoding = NonNullable<ImportPreview['encoding']>;

/** Main's messages are already in the creator's language; anything else is shown with a generic sentence. */
export type ImportProblem = { kind: 'api'; message: string } | { kind: 'unexpected'; details: string };

export type ImportPhase =
  | { kind: 'closed' }
  | { kind: 'reading'; fileName: string }
  | { kind: 'failed'; fileName: string; problem: ImportProblem }
  | { kind: 'open'; preview: ImportPreview };

/** How the columns were mapped before the creator touched them, kept because later previews report every chosen column as certain. */
export interface AutoMapping {
  templateUsed: boolean;
  confidence: Record<string, number>;
}

export interface ImportState {
  phase: ImportPhase;
  /** A change is on its way to main. */
  revising: boolean;
  /** The import itself is on its way to main. */
  committing: boolean;
  /** Why the last change or the import failed; the preview stays as it was. */
  problem: ImportProblem | null;
  name: string;
  /** Headers whose field the creator chose in this dialog. */
  chosenByYou: string[];
  auto: AutoMapping;
  /** The provider picked in the dialog; several choices share a catalog (Sandbox and KIE). */
  providerChoice: ProviderChoiceId | null;

  /** ImportHost hands over the api and platform so that any code can start an import. */
  bind(api: GenvidApi, platform: Platform): void;
  openFile(file: File): Promise<void>;
  /** For a path chosen outside the page (File > Open in Electron). */
  openSource(source: ImportSource, fileName: string): Promise<void>;
  setEncoding(encoding: TextEncoding): Promise<void>;
  setSheet(sheet: string): Promise<void>;
  setField(header: string, field: SheetFieldName | null): Promise<void>;
  setProvider(choice: ProviderChoice): Promise<void>;
  setDefaultModel(model: string | null): Promise<void>;
  setName(name: string): void;
  commit(): Promise<void>;
  cancel(): void;
}

type Revision = Omit<Parameters<GenvidApi['reviseImport']>[0], 'importId'>;
type RevisionOf = Revision | ((preview: ImportPreview) => Revision);

let deps: { api: GenvidApi; platform: Platform } | null = null;
/** Bumped whenever a new file is opened or the dialog closes, so late answers for an old one are dropped. */
let session = 0;
/** Changes go to main one at a time and in order, each applied to the preview the previous one returned. */
let queue: Promise<void> = Promise.resolve();
/** Changes queued or on their way, for the "updating" notice. */
let pending = 0;

const closedState = {
  phase: { kind: 'closed' } as ImportPhase,
  revising: false,
  committing: false,
  problem: null,
  name: '',
  chosenByYou: [],
  auto: { templateUsed: false, confidence: {} },
  providerChoice: null,
} satisfies Partial<ImportState>;

export const useImportStore = create<ImportState>()((set, get) => {
  function api(): GenvidApi {
    if (!deps) throw new Error('The import dialog is not mounted (ImportHost binds the api).');
    return deps.api;
  }

  function autoOf(preview: ImportPreview): AutoMapping {
    return { templateUsed: preview.templateUsed, confidence: Object.fromEntries(preview.columns.map((column) => [column.header, column.confidence])) };
  }

  /** Sends one change for the open sheet; `remap` when the headers may have changed (another encoding or sheet). */
  function revise(change: RevisionOf, remap: boolean): Promise<void> {
    const mine = session;
    pending += 1;
    set({ revising: true });
    const step = async () => {
      const phase = get().phase;
      if (mine !== session || phase.kind !== 'open') return;
      set({ problem: null });
      try {
        const preview = await api().reviseImport({ importId: phase.preview.importId, ...(typeof change === 'function' ? change(phase.preview) : change) });
        if (mine !== session) return;
        set(remap ? { phase: { kind: 'open', preview }, chosenByYou: [], auto: autoOf(preview) } : { phase: { kind: 'open', preview } });
      } catch (error) {
        if (mine === session) set({ problem: problemOf(error) });
      }
    };
    queue = queue.then(step).finally(() => {
      pending -= 1;
      if (mine === session) set({ revising: pending > 0 });
    });
    return queue;
  }

  /** Forgets any sheet already open and shows "reading" for the new one; returns the new session. */
  function begin(fileName: string): number {
    get().cancel();
    set({ phase: { kind: 'reading', fileName }, name: baseName(fileName) });
    return session;
  }

  async function read(source: ImportSource, fileName: string, mine: number): Promise<void> {
    try {
      const preview = await api().openImport({ source });
      if (mine !== session) {
        // Cancelled while main was reading: let it forget the sheet.
        void api().closeImport({ importId: preview.importId }).catch(() => undefined);
        return;
      }
      set({ phase: { kind: 'open', preview }, name: baseName(preview.fileName), auto: autoOf(preview) });
    } catch (error) {
      if (mine === session) set({ phase: { kind: 'failed', fileName, problem: problemOf(error) } });
    }
  }

  return {
    ...closedState,

    bind(api, platform) {
      deps = { api, platform };
    },

    async openFile(file) {
      if (!deps) throw new Error('The import dialog is not mounted (ImportHost binds the platform).');
      const { platform } = deps;
      const mine = begin(file.name);
      try {
        // Inside the "reading" state: turning a big file into base64 takes a moment too.
        const source = await platform.importSource(file);
        if (mine === session) await read(source, file.name, mine);
      } catch (error) {
        if (mine === session) set({ phase: { kind: 'failed', fileName: file.name, problem: problemOf(error) } });
      }
    },

    async openSource(source, fileName) {
      await read(source, fileName, begin(fileName));
    },

    setEncoding(encoding) {
      return revise({ encoding }, true);
    },

    setSheet(sheet) {
      return revise({ sheet }, true);
    },

    setField(header, field) {
      set((state) => ({ chosenByYou: state.chosenByYou.includes(header) ? state.chosenByYou : [...state.chosenByYou, header] }));
      // Computed when its turn comes, from the columns the previous change left.
      return revise((preview) => ({ mapping: mappingWith(preview.columns, header, field) }), false);
    },

    setProvider(choice) {
      set({ providerChoice: choice.id });
      // The models differ per provider, so the default model is chosen again.
      return revise({ provider: choice.catalogProvider, defaultModel: null }, false);
    },

    setDefaultModel(model) {
      return revise({ defaultModel: model }, false);
    },

    setName(name) {
      set({ name });
    },

    async commit() {
      const mine = session;
      if (get().committing) return;
      set({ committing: true, problem: null });
      // Changes still on their way must land first: the import takes the sheet as main last saw it.
      await queue;
      const phase = get().phase;
      if (mine !== session) return;
      if (phase.kind !== 'open') return set({ committing: false });
      const name = get().name.trim();
      try {
        const result = await api().commitImport({ importId: phase.preview.importId, ...(name ? { name } : {}) });
        if (mine !== session) return;
        const app = useAppStore.getState();
        await app.reloadBatches(api()).catch(() => undefined);
        session += 1;
        set({ ...closedState });
        app.navigate({ kind: 'batch', batchId: result.batchId });
        const locale = app.settings?.language ?? resolveLocale(navigator.language);
        const message =
          result.corrected > 0
            ? translate(locale, 'import.done.corrected', { corrected: result.corrected })
            : translate(locale, 'import.done', { rows: result.rows, name: name || baseName(phase.preview.fileName) });
        showToast({ kind: 'success', message });
      } catch (error) {
        if (mine === session) set({ committing: false, problem: problemOf(error) });
      }
    },

    cancel() {
      const phase = get().phase;
      session += 1;
      if (phase.kind === 'open') void deps?.api.closeImport({ importId: phase.preview.importId }).catch(() => undefined);
      set({ ...closedState });
    },
  };
});

/** The default batch name: the file's name without its extension. */
export function baseName(fileName: string): string {
  const name = fileName.replace(/^.*[\\/]/, '');
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(0, dot) : name;
}

function problemOf(error: unknown): ImportProblem {
  return error instanceof ApiCallError ? { kind: 'api', message: error.message } : { kind: 'unexpected', details: error instanceof Error ? error.message : String(error) };
}

