// A feature's own translations: Chinese is the reference, English must have the same keys.
// Each feature keeps its strings beside its screens (features/<name>/i18n.ts) and is listed in
// ./features.ts, so features can be written side by side without touching one shared file.
type DeepString<T> = { [K in keyof T]: T[K] extends string ? string : DeepString<T[K]> };

export interface TextBundle<T extends object> {
  zh: T;
  en: DeepString<T>;
}

export const textBundle = <T extends object>(zh: T, en: DeepString<T>): TextBundle<T> => ({ zh, en });
