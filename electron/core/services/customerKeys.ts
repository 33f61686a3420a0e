// The search keys of a customer (table customer_keys). Each key is a SUFFIX of something people
// type: a prefix range on the keys then finds a fragment anywhere, of any length, from one index —
// 宏达 and 贸易 in 上海宏达贸易有限公司, 娜娜 in 欧阳娜娜, "hd" among the initials, "wangwei" or
// "wei" in the full pinyin. FTS5 trigram cannot answer 1–2 characters; this can, in a B-tree seek.
import { pinyin } from 'pinyin-pro';
import { plateWithoutProvince } from '../../../shared/customers/plate';
import type { AssetInput } from '../../../shared/customers/assets';

/** Names are at most 80 characters; suffixes beyond this length add nothing anyone types. */
const MAX_SUFFIXES = 40;

const suffixes = (parts: string[]): string[] => {
  const out: string[] = [];
  for (let i = 0; i < parts.length && i < MAX_SUFFIXES; i++) out.push(parts.slice(i).join(''));
  return out;
};

/** Lower case, without spaces, dots or dashes: how keys are stored and queries compared (京A·12345, HT-7788). */
export const keyOf = (s: string) => s.toLowerCase().replace(/[\s·.-]+/g, '');

export function nameKeys(name: string): string[] {
  const chars = [...keyOf(name)];
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => keyOf(s).replace(/[^a-z0-9]/g, ''))
    .filter(Boolean);
  const initials = syllables.map((s) => s[0]!);
  return [...suffixes(chars), ...suffixes(syllables), ...suffixes(initials)];
}

/** Asset keys: full VIN and its last 6, plate with and without province, document numbers. */
export function assetKeys(a: AssetInput): string[] {
  switch (a.kind) {
    case 'vehicle': {
      const keys: string[] = [];
      if (a.vin) keys.push(keyOf(a.vin), keyOf(a.vin.slice(-6)));
      if (a.plate) keys.push(keyOf(a.plate), keyOf(plateWithoutProvince(a.plate)));
      return keys;
    }
    case 'policy':
    case 'contract':
      return [keyOf(a.number)];
  }
}

export function customerKeys(name: string, assets: AssetInput[], keysOfName: (name: string) => string[] = nameKeys): string[] {
  return [...new Set([...keysOfName(name), ...assets.flatMap(assetKeys)])].filter((k) => k.length > 0);
}

/**
 * A name's keys, remembered: an import of 50,000 customers meets the same names many times (王伟
 * is China's commonest), and their pinyin is the dearest part of the keys. One per import, so the
 * memory goes with it.
 */
export function rememberedNameKeys(): (name: string) => string[] {
  const seen = new Map<string, string[]>();
  return (name) => {
    let keys = seen.get(name);
    if (!keys) seen.set(name, (keys = nameKeys(name)));
    return keys;
  };
}
