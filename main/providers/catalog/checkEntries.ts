import type { ModelEntry } from '../../../shared/catalog/schema.ts';

/**
 * Checks what the schema cannot: defaults among their values, every variant able to send every
 * parameter the model declares, successors that exist. Returns one readable line per problem.
 */
export function checkEntry(entry: ModelEntry, all: readonly ModelEntry[]): string[] {
  const problems: string[] = [];
  const where = `${entry.provider}/${entry.id}`;
  const { params } = entry;
  for (const [name, choice] of [['durationS', params.durationS], ['resolution', params.resolution], ['aspectRatio', params.aspectRatio]] as const) {
    if (choice && !(choice.values as readonly (string | number)[]).includes(choice.default)) {
      problems.push(`${where}: the default ${name} ${choice.default} is not one of its values.`);
    }
  }
  if (params.images.min > params.images.max) problems.push(`${where}: images.min is above images.max.`);
  if (params.seed && params.seed.min > params.seed.max) problems.push(`${where}: seed.min is above seed.max.`);
  for (const variant of entry.variants) {
    const e = variant.encode;
    const at = `${where} (${variant.wireModel})`;
    if (params.durationS && !e.durationS) problems.push(`${at}: the model takes a duration but this variant cannot send one.`);
    // A variant chosen for exactly one resolution (fal's tier in the endpoint path) needs no field.
    const pinned = variant.when?.resolution?.length === 1;
    if (!e.resolution && !e.resolutionAndAspect && !pinned && params.resolution.values.length > 1) {
      problems.push(`${at}: the model offers several resolutions but this variant cannot send one.`);
    }
    const sides = [
      [e.resolution?.map, params.resolution.values],
      [e.aspectRatio?.map, params.aspectRatio?.values ?? []],
    ] as const;
    for (const [map, values] of sides) {
      for (const value of map ? values : []) {
        if (!(value in map!)) problems.push(`${at}: the wire map has no entry for ${value}.`);
      }
    }
    if (e.resolutionAndAspect) {
      for (const resolution of params.resolution.values) {
        for (const aspect of params.aspectRatio?.values ?? []) {
          if (!(`${resolution} ${aspect}` in e.resolutionAndAspect.map)) {
            problems.push(`${at}: no wire size for ${resolution} ${aspect}; add it or a constraint against it.`);
          }
        }
      }
    }
  }
  const { status } = entry;
  if (status.state === 'retired' && status.successor) {
    const successor = all.find((other) => other.provider === entry.provider && other.id === status.successor);
    if (!successor) problems.push(`${where}: the successor ${status.successor} is not in the catalog.`);
    else if (successor.status.state !== 'active') problems.push(`${where}: the successor ${successor.id} is itself retired.`);
  }
  return problems;
}
