// UUIDv7: time-ordered (good B-tree locality) and unique across the centre's PCs without coordination.
import { v5, v7 } from 'uuid';
import type { Clock } from './clock';

export const newId = (clock: Clock): string => v7({ msecs: clock.now() });

// Name-based ids (UUIDv5) for rows every seat creates by itself for the same thing: seeded
// callback rules (by code) and callbacks (by occasion). Two seats then write the same key, and
// replication merges them as one row instead of holding two copies with clashing codes.
const KEFU_NAMESPACE = '6f1c2a64-5b0e-4c8e-9d51-7a3e2b9c4f10';
export const callbackRuleId = (code: string): string => v5(`callback-rule:${code}`, KEFU_NAMESPACE);
export const callbackId = (occasion: string): string => v5(`callback:${occasion}`, KEFU_NAMESPACE);
