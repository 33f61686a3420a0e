// Every message key the code can hand to a user has a text in both languages: the `errors.*` keys
// of DomainError and fail(), the `validation.*` keys of the zod schemas, and the key the registry
// makes of each zod issue code (`validation.<code>`). Keys are found by reading the source, so a
// new key without a translation fails here instead of showing its raw name on screen. And the
// centre's terms are the same everywhere (issue 14: "VIP" on the board, 标准客户 beside 普通客户).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../../renderer/src/i18n/en';
import { featureBundles } from '../../../renderer/src/i18n/features';
import { zhCN } from '../../../renderer/src/i18n/zh-CN';

const ROOT = join(__dirname, '..', '..', '..');
const SOURCES = ['electron', 'shared', 'renderer/src'];

function merge(a: object, b: object): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = prev && typeof prev === 'object' && v && typeof v === 'object' ? merge(prev, v) : v;
  }
  return out;
}
const bundles = {
  'zh-CN': featureBundles.reduce<Record<string, unknown>>((all, b) => merge(all, b.zh), zhCN),
  en: featureBundles.reduce<Record<string, unknown>>((all, b) => merge(all, b.en), en),
};

function text(bundle: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), bundle);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/i18n\.ts$|\/i18n\//.test(path) ? [path] : [];
  });
}

/** Each literal 'errors.x' / 'validation.x' key in the code, with the first file that uses it. */
function keysInCode(): Map<string, string> {
  const keys = new Map<string, string>();
  for (const file of SOURCES.flatMap((d) => sourceFiles(join(ROOT, d)))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/['"`]((?:errors|validation)\.[A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)['"`]/g)) {
      if (!keys.has(m[1]!)) keys.set(m[1]!, relative(ROOT, file));
    }
  }
  return keys;
}

// zod 4's issue codes: the registry turns each into `validation.<code>` (electron/core/registry.ts).
const ZOD_CODES = ['invalid_type', 'too_big', 'too_small', 'invalid_format', 'not_multiple_of', 'unrecognized_keys', 'invalid_union', 'invalid_key', 'invalid_element', 'invalid_value', 'custom'];

describe('message keys', () => {
  const keys = keysInCode();
  for (const code of ZOD_CODES) if (!keys.has(`validation.${code}`)) keys.set(`validation.${code}`, 'electron/core/registry.ts (zod issue code)');

  it('finds the keys the code uses', () => {
    expect(keys.size).toBeGreaterThan(40);
    expect(keys.has('errors.ticketTransition')).toBe(true);
    expect(keys.has('validation.required')).toBe(true);
  });

  for (const language of ['zh-CN', 'en'] as const) {
    it(`every errors.* and validation.* key has a text in ${language}`, () => {
      const missing = [...keys].filter(([key]) => typeof text(bundles[language], key) !== 'string').map(([key, file]) => `${key} (${file})`);
      expect(missing).toEqual([]);
    });
  }
});

describe('terms', () => {
  it('one term per tier, everywhere', () => {
    const all = JSON.stringify(bundles);
    expect(all).not.toContain('VIP');
    expect(all).not.toContain('标准客户');
    expect(all).not.toContain('′');
  });
});
