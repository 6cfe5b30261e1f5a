import { z } from 'zod';

/** Every state a row can be in (product §3.9). */
export const rowStatuses = [
  'draft',
  'queued',
  'submitting',
  'generating',
  'downloading',
  'done',
  'failed',
  'unknown',
  'stale',
  'cancelled',
  'paused',
] as const;
export const RowStatusSchema = z.enum(rowStatuses);
export type RowStatus = z.infer<typeof RowStatusSchema>;

/** Every state one attempt (one paid submission) can be in. */
export const attemptStatuses = [
  'submitting',
  'generating',
  'downloading',
  'succeeded',
  'failed',
  'unknown',
  'stale',
  'cancelled',
] as const;
export const AttemptStatusSchema = z.enum(attemptStatuses);
export type AttemptStatus = z.infer<typeof AttemptStatusSchema>;

export const batchStatuses = ['draft', 'running', 'paused', 'completed', 'cancelled'] as const;
export const BatchStatusSchema = z.enum(batchStatuses);
export type BatchStatus = z.infer<typeof BatchStatusSchema>;
