import { initialSchema } from './0001_initial.ts';
import { engineSchema } from './0002_engine.ts';
import { sheetsSchema } from './0003_sheets.ts';
import { reviewSchema } from './0004_review.ts';

/**
 * Ordered migrations: entry N takes the database from user_version N to N+1. Never edit one that
 * has shipped; add the next instead.
 */
export const migrations: readonly string[] = [initialSchema, engineSchema, sheetsSchema, reviewSchema];

export const latestSchemaVersion = migrations.length;
