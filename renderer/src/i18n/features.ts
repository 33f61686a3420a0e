// Every feature's translation bundle. Add one line per feature.
import type { TextBundle } from './bundle';

export const featureBundles: TextBundle<object>[] = [];
