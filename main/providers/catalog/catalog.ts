import type { ModelEntry, ProviderId, Protocol, Variant } from '../../../shared/catalog/schema.ts';

const key = (provider: ProviderId, id: string) => `${provider}/${id}`;
const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s_]+/g, '-');

/** The loaded catalog: every model by provider and id, and by the provider's own wire id. */
export class Catalog {
  readonly entries: readonly ModelEntry[];
  private readonly byKey = new Map<string, ModelEntry>();
  private readonly byAlias = new Map<string, ModelEntry>();
  private readonly byWire = new Map<string, { entry: ModelEntry; variants: Variant[] }>();

  constructor(entries: readonly ModelEntry[]) {
    this.entries = entries;
    for (const entry of entries) {
      this.byKey.set(key(entry.provider, entry.id), entry);
      for (const alias of [entry.id, entry.displayName, ...entry.aliases]) {
        this.byAlias.set(key(entry.provider, normalise(alias)), entry);
      }
      for (const variant of entry.variants) {
        const wireKey = `${entry.protocol}|${variant.wireModel}`;
        const found = this.byWire.get(wireKey);
        if (found) found.variants.push(variant);
        else this.byWire.set(wireKey, { entry, variants: [variant] });
      }
    }
  }

  get(provider: ProviderId, id: string): ModelEntry | undefined {
    return this.byKey.get(key(provider, id));
  }

  /** Finds a model by id, display name or alias, ignoring case, spaces and underscores. */
  find(provider: ProviderId, name: string): ModelEntry | undefined {
    return this.get(provider, name) ?? this.byAlias.get(key(provider, normalise(name)));
  }

  forProvider(provider: ProviderId): ModelEntry[] {
    return this.entries.filter((entry) => entry.provider === provider);
  }

  /**
   * The model and variant a provider's own model id (or fal endpoint) belongs to. Several variants
   * can share a wire id (Veo's text and image modes differ only in `generationType`); the input's
   * fixed fields tell them apart.
   */
  byWireModel(protocol: Protocol, wireModel: string, input: Record<string, unknown> = {}): { entry: ModelEntry; variant: Variant } | undefined {
    const found = this.byWire.get(`${protocol}|${wireModel}`);
    if (!found) return undefined;
    const fits = (variant: Variant) =>
      Object.entries(variant.fixed ?? {}).every(([field, value]) => JSON.stringify(input[field]) === JSON.stringify(value));
    return { entry: found.entry, variant: found.variants.find(fits) ?? found.variants[0]! };
  }
}
