import type { ModelEntry } from '../../../shared/catalog/schema.ts';

const normalise = (name: string) => name.normalize('NFKC').trim().toLowerCase().replace(/[\s_]+/g, '-');

/** Edit distance (insert, delete, replace), for "did you mean" on a mistyped model name. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * Up to three active models whose id, name or alias is close to what the creator wrote: ones that
 * contain it or are contained in it first, then the nearest by edit distance.
 */
export function suggestModels(models: readonly ModelEntry[], given: string): string[] {
  const wanted = normalise(given);
  if (!wanted) return [];
  const scored = models
    .filter((entry) => entry.status.state === 'active')
    .map((entry) => {
      const names = [entry.id, entry.displayName, ...entry.aliases].map(normalise);
      const contains = names.some((name) => name.includes(wanted) || wanted.includes(name));
      const nearest = Math.min(...names.map((name) => distance(name, wanted)));
      return { id: entry.id, score: contains ? 0 : nearest };
    })
    .filter((candidate) => candidate.score <= Math.max(2, Math.floor(wanted.length / 3)))
    .sort((a, b) => a.score - b.score || a.id.localeCompare(b.id));
  return scored.slice(0, 3).map((candidate) => candidate.id);
}
