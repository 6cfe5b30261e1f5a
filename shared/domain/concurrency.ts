import { z } from 'zod';

/** Concurrency profiles of the original design (product §3.1); `custom` sets one number for all. */
export const ProfileSchema = z.enum(['free', 'pro', 'pro+', 'enterprise', 'custom']);
export type Profile = z.infer<typeof ProfileSchema>;

export const ConcurrencySettingSchema = z
  .object({ profile: ProfileSchema, custom: z.number().int().min(1).max(2000).optional() })
  .strict()
  .refine((value) => value.profile !== 'custom' || value.custom !== undefined, { message: 'a custom profile needs a number', path: ['custom'] });
export type ConcurrencySetting = z.infer<typeof ConcurrencySettingSchema>;

/** Rows per wave of the original design: used only by the benchmark's baseline policy. */
export const originalRowsPerWave: Record<Exclude<Profile, 'custom'>, number> = { free: 3, pro: 15, 'pro+': 25, enterprise: 50 };
