// The layering rule (architecture.md §1), in the spirit of VS Code's code-layering: each top-level
// folder is a runtime, and an import is checked against where it actually lands, not its spelling.
import { builtinModules } from 'node:module';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Rule } from 'eslint';

const projectRoot = resolve(import.meta.dirname, '../..');
const nodeBuiltins = new Set(builtinModules);

type Layer = 'shared' | 'main' | 'preload' | 'renderer' | 'other';

interface Target {
  /** Our own code: its layer and its path below the project root. */
  ours?: { layer: Layer; path: string };
  /** A package or a Node built-in. */
  packageName?: string;
  builtin?: boolean;
}

function layerOf(pathFromRoot: string): Layer {
  const top = pathFromRoot.split(/[\\/]/)[0];
  return top === 'shared' || top === 'main' || top === 'preload' || top === 'renderer' ? top : 'other';
}

function targetOf(source: string, fromFile: string): Target {
  if (source.startsWith('.') || source.startsWith('/')) {
    const path = relative(projectRoot, resolve(dirname(fromFile), source));
    return { ours: { layer: layerOf(path), path: path.split(sep).join('/') } };
  }
  if (source.startsWith('node:') || nodeBuiltins.has(source.split('/')[0]!)) {
    return { packageName: source, builtin: true };
  }
  const parts = source.split('/');
  return { packageName: source.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

/** Why this import breaks the layering, or undefined if it is allowed. */
export function layeringViolation(fromPath: string, source: string, fromFile: string): string | undefined {
  const from = layerOf(fromPath);
  const target = targetOf(source, fromFile);
  const inMainApp = fromPath.startsWith('main/app/');

  if (target.packageName === 'electron' && !inMainApp && from !== 'preload') {
    return 'Only main/app/ and preload/ may import electron; everything else must run under plain Node and in the browser.';
  }
  if (target.packageName === 'better-sqlite3' && !fromPath.startsWith('main/db/') && from !== 'other') {
    return 'Only main/db/ may use the database driver; go through the Store.';
  }
  switch (from) {
    case 'shared':
      if (target.ours && target.ours.layer !== 'shared') return 'shared/ imports nothing of ours outside shared/.';
      if (target.builtin) return 'shared/ runs everywhere: no Node built-ins.';
      if (target.packageName && target.packageName !== 'zod') return `shared/ may import only zod, not ${target.packageName}.`;
      return undefined;
    case 'renderer':
      if (target.ours && target.ours.layer !== 'shared' && target.ours.layer !== 'renderer') {
        return 'renderer/ may import only shared/ and itself; reach main through the contract.';
      }
      if (target.builtin) return 'renderer/ runs in a sandboxed page: no Node built-ins.';
      if (target.packageName && ['better-sqlite3', 'ws', 'sirv'].includes(target.packageName)) {
        return `renderer/ cannot use ${target.packageName}; it belongs to main.`;
      }
      return undefined;
    case 'preload':
      if (target.ours && target.ours.layer !== 'shared' && target.ours.layer !== 'preload') {
        return 'preload/ may import only electron and shared/.';
      }
      if (target.packageName && target.packageName !== 'electron') return 'preload/ may import only electron and shared/.';
      return undefined;
    case 'main':
      if (target.ours && (target.ours.layer === 'renderer' || target.ours.layer === 'preload')) {
        return 'main/ may not import renderer/ or preload/.';
      }
      if (target.packageName && ['react', 'react-dom', 'zustand'].includes(target.packageName)) {
        return `main/ has no UI: ${target.packageName} belongs to the renderer.`;
      }
      return undefined;
    default:
      return undefined;
  }
}

export const layeringRule: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce the runtime layering of shared/, main/, preload/ and renderer/.' },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const fromPath = relative(projectRoot, file).split(sep).join('/');
    const check = (node: Rule.Node, source: unknown) => {
      if (typeof source !== 'string') return;
      const message = layeringViolation(fromPath, source, file);
      if (message) context.report({ node, message: `${message} (import of "${source}")` });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => check(node, node.source?.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source.value : undefined),
    };
  },
};
