import { z } from 'zod';

/**
 * The model catalog's schema. The catalog is data (built-in JSON files plus an optional user file):
 * every entry says which canonical parameters a model takes, how each one is written on the wire,
 * what it costs, and how long it takes. Checked with this schema when loaded.
 */

export const providerIds = ['kie', 'fal', 'openai'] as const;
export const ProviderIdSchema = z.enum(providerIds);
export type ProviderId = z.infer<typeof ProviderIdSchema>;

/** How a provider's API is shaped; one adapter per protocol. */
export const ProtocolSchema = z.enum(['kie-jobs', 'kie-veo', 'fal-queue', 'openai-videos']);
export type Protocol = z.infer<typeof ProtocolSchema>;

export const resolutions = ['480p', '512p', '540p', '720p', '768p', '1080p', '1440p', '2160p'] as const;
export const ResolutionSchema = z.enum(resolutions);
export type Resolution = z.infer<typeof ResolutionSchema>;

export const AspectRatioSchema = z.string().regex(/^(\d+:\d+|auto)$/, 'an aspect ratio such as 16:9, or auto');

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const positive = z.number().positive();

/** A set of canonical values a rule applies to; every listed key must match. */
export const ConditionSchema = z
  .object({
    resolution: z.array(ResolutionSchema).min(1).optional(),
    durationS: z.array(positive).min(1).optional(),
    aspectRatio: z.array(AspectRatioSchema).min(1).optional(),
    /** `none`: no input image; `some`: one or more. */
    images: z.enum(['none', 'some']).optional(),
    audio: z.boolean().optional(),
  })
  .strict();
export type Condition = z.infer<typeof ConditionSchema>;

// ---- how canonical values are written on the wire ----

const FieldSchema = z.object({ field: z.string().min(1) }).strict();
const MappedFieldSchema = z
  .object({ field: z.string().min(1), map: z.record(z.string(), z.string()).optional() })
  .strict();

export const EncodingSchema = z
  .object({
    prompt: FieldSchema,
    /** `string`: "10"; `integer`: 10; `suffix-s`: "10s". */
    durationS: z.object({ field: z.string().min(1), as: z.enum(['string', 'integer', 'suffix-s']) }).strict().optional(),
    resolution: MappedFieldSchema.optional(),
    aspectRatio: MappedFieldSchema.optional(),
    /** One wire field for resolution and aspect together (OpenAI's `size`), keyed `"720p 16:9"`. */
    resolutionAndAspect: z.object({ field: z.string().min(1), map: z.record(z.string(), z.string()) }).strict().optional(),
    /**
     * Input images: `array` puts [first, last] in one array field; `fields` puts the first frame in
     * `field` and the last frame in `lastField`.
     */
    images: z
      .discriminatedUnion('as', [
        z.object({ as: z.literal('array'), field: z.string().min(1) }).strict(),
        z.object({ as: z.literal('fields'), field: z.string().min(1), lastField: z.string().min(1).optional() }).strict(),
      ])
      .optional(),
    audio: FieldSchema.optional(),
    seed: FieldSchema.optional(),
    negativePrompt: FieldSchema.optional(),
  })
  .strict();
export type Encoding = z.infer<typeof EncodingSchema>;

const JsonValueSchema: z.ZodType<unknown> = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]);

export const VariantSchema = z
  .object({
    /** The provider's own model id (KIE `model`, fal endpoint id, OpenAI `model`). */
    wireModel: z.string().min(1),
    /** When this variant is the one to use; the first match wins, a variant without `when` always matches. */
    when: ConditionSchema.optional(),
    encode: EncodingSchema,
    /** Fields always sent with this variant, e.g. Veo's generationType. */
    fixed: z.record(z.string(), JsonValueSchema).optional(),
  })
  .strict();
export type Variant = z.infer<typeof VariantSchema>;

// ---- canonical parameters a model accepts ----

const ChoiceSchema = <T extends z.ZodType>(value: T) =>
  z.object({ values: z.array(value).min(1), default: value }).strict();

export const ParamsSchema = z
  .object({
    prompt: z.object({ maxLength: z.number().int().positive(), minLength: z.number().int().nonnegative().default(1) }).strict(),
    /** Absent: the model has a fixed length and takes no duration. */
    durationS: ChoiceSchema(positive).optional(),
    resolution: ChoiceSchema(ResolutionSchema),
    aspectRatio: ChoiceSchema(AspectRatioSchema).optional(),
    /** Input images (first frame, then last frame). min 1 for image-to-video-only models. */
    images: z.object({ min: z.number().int().nonnegative(), max: z.number().int().nonnegative() }).strict(),
    audio: z.object({ default: z.boolean() }).strict().optional(),
    seed: z.object({ min: z.number().int(), max: z.number().int() }).strict().optional(),
    negativePrompt: z.object({ maxLength: z.number().int().positive() }).strict().optional(),
  })
  .strict();
export type Params = z.infer<typeof ParamsSchema>;

/** A combination the model refuses: when `when` holds, each listed value must be one of `allow`. */
export const ConstraintSchema = z
  .object({
    when: ConditionSchema,
    allow: z
      .object({
        durationS: z.array(positive).min(1).optional(),
        resolution: z.array(ResolutionSchema).min(1).optional(),
        aspectRatio: z.array(AspectRatioSchema).min(1).optional(),
      })
      .strict(),
    reason: z.string().min(1),
  })
  .strict();
export type Constraint = z.infer<typeof ConstraintSchema>;

export const PricingSchema = z
  .object({
    /** The provider's billing unit: KIE bills credits, fal and OpenAI bill US dollars. */
    unit: z.enum(['credits', 'usd']),
    asOf: isoDate,
    source: z.string().min(1),
    confidence: z.enum(['confirmed', 'secondary', 'uncertain']),
    /** First matching rule wins: price = perVideo + perSecond × duration. */
    rules: z
      .array(
        z
          .object({ when: ConditionSchema.optional(), perVideo: z.number().nonnegative().default(0), perSecond: z.number().nonnegative().default(0) })
          .strict(),
      )
      .min(1),
  })
  .strict();
export type Pricing = z.infer<typeof PricingSchema>;

/** How long generation takes, in seconds; the first matching rule wins (uniform between min and max). */
export const TimingSchema = z
  .object({
    rules: z.array(z.object({ when: ConditionSchema.optional(), minS: positive, maxS: positive }).strict()).min(1),
    source: z.string().min(1),
  })
  .strict();
export type Timing = z.infer<typeof TimingSchema>;

export const StatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('active') }).strict(),
  z
    .object({
      state: z.literal('retired'),
      retiredOn: isoDate,
      /** The catalog id (same provider) to move rows to, if there is one. */
      successor: z.string().min(1).nullable(),
      note: z.string().optional(),
    })
    .strict(),
]);
export type ModelStatus = z.infer<typeof StatusSchema>;

export const ModelEntrySchema = z
  .object({
    /** The id creators write in the model column, unique per provider: `kling-3.0`, `veo-3.1-fast`. */
    id: z.string().regex(/^[a-z0-9][a-z0-9.+-]*$/, 'lowercase letters, digits, dots, plus and dashes'),
    provider: ProviderIdSchema,
    displayName: z.string().min(1),
    family: z.string().min(1),
    /** Other spellings creators use in sheets. */
    aliases: z.array(z.string().min(1)).default([]),
    protocol: ProtocolSchema,
    status: StatusSchema,
    params: ParamsSchema,
    constraints: z.array(ConstraintSchema).default([]),
    variants: z.array(VariantSchema).min(1),
    pricing: PricingSchema,
    timing: TimingSchema,
    /** Relative weight in the concurrency formula (product §3.1); 1 for most models. */
    concurrencyWeight: z.number().positive().default(1),
    notes: z.string().optional(),
  })
  .strict();
export type ModelEntry = z.infer<typeof ModelEntrySchema>;
export type ModelEntryInput = z.input<typeof ModelEntrySchema>;

/** A catalog file: built-in files and the user's file share this shape. */
export const CatalogFileSchema = z
  .object({
    catalogVersion: z.string().min(1),
    models: z.array(ModelEntrySchema),
  })
  .strict();
export type CatalogFile = z.infer<typeof CatalogFileSchema>;

/** What a row asks for, in canonical terms (the sheet's columns after mapping). */
export const VideoRequestSchema = z
  .object({
    prompt: z.string(),
    durationS: z.number().positive().optional(),
    resolution: ResolutionSchema.optional(),
    aspectRatio: AspectRatioSchema.optional(),
    images: z.array(z.string()).optional(),
    audio: z.boolean().optional(),
    seed: z.number().int().optional(),
    negativePrompt: z.string().optional(),
  })
  .strict();
export type VideoRequest = z.infer<typeof VideoRequestSchema>;
