// UUIDv7: time-ordered (good B-tree locality) and unique across the centre's PCs without coordination.
import { v7 } from 'uuid';
import type { Clock } from './clock';

export const newId = (clock: Clock): string => v7({ msecs: clock.now() });
