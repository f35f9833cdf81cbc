/**
 * Input validation for the waivers API (zod). Dates are ISO-8601; a stored waiver always
 * expires, at most MAX_WAIVER_DAYS ahead.
 */
import { z } from 'zod';
import type { Waiver } from './types';

export const MAX_WAIVER_DAYS = 366;

/** Printable text without control characters (they have no place in names or reasons). */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'must not contain control characters');

export const contextName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:@/+-]{0,252}$/, 'not a valid context name');
export const checkIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'not a check id').max(100);
export const componentIdSchema = text(512);
export const objectRefSchema = z.string().regex(/^[A-Za-z][A-Za-z0-9]* [^\s]{1,507}$/, 'expected an object ref such as `Pod kube-system/etcd-cp-1`');

export const waiverInput = z.strictObject({
  context: contextName,
  checkId: checkIdSchema,
  target: z.strictObject({ componentId: componentIdSchema, object: objectRefSchema.optional() }),
  reason: text(1000),
  author: text(200),
  /** Either an absolute expiry or a number of days from now. */
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  expiresInDays: z.number().int().min(1).max(MAX_WAIVER_DAYS).optional(),
});
export type WaiverInput = z.infer<typeof waiverInput>;

export const waiverKeyQuery = z.strictObject({
  context: contextName,
  checkId: checkIdSchema,
  componentId: componentIdSchema,
  object: objectRefSchema.optional(),
});

export const waiverListQuery = z.strictObject({
  context: contextName.optional(),
  includeExpired: z.enum(['true', 'false']).optional(),
});

const DAY = 86_400_000;

/** Input → Waiver, or an error sentence (expiry missing, in the past, or too far ahead). */
export function toWaiver(input: WaiverInput, now: Date): { waiver: Waiver } | { error: string } {
  if (input.expiresAt && input.expiresInDays) return { error: 'Give either expiresAt or expiresInDays, not both.' };
  const expires = input.expiresAt ? new Date(input.expiresAt) : input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY) : undefined;
  if (!expires) return { error: 'A waiver needs an expiry: expiresAt (ISO-8601) or expiresInDays.' };
  if (expires.getTime() <= now.getTime()) return { error: 'The expiry is in the past.' };
  if (expires.getTime() > now.getTime() + MAX_WAIVER_DAYS * DAY) return { error: `A waiver can last at most ${MAX_WAIVER_DAYS} days.` };
  return {
    waiver: {
      context: input.context,
      checkId: input.checkId,
      target: { componentId: input.target.componentId, ...(input.target.object ? { object: input.target.object } : {}) },
      reason: input.reason,
      author: input.author,
      createdAt: now.toISOString(),
      expiresAt: expires.toISOString(),
    },
  };
}
