// Every message key the core or the shared rules can send has words in both languages, and the
// centre's terms are the same everywhere (issue 14: "VIP" on the board, 标准客户 beside 普通客户).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en';
import { featureBundles } from '../../renderer/src/i18n/features';
import { zhCN } from '../../renderer/src/i18n/zh-CN';

const ROOT = resolve(__dirname, '../..');
const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });

const bundles = { zh: [zhCN, ...featureBundles.map((b) => b.zh)], en: [en, ...featureBundles.map((b) => b.en)] };
const lookup = (lang: 'zh' | 'en', key: string): unknown =>
  bundles[lang].map((b) => key.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), b)).find((v) => v !== undefined);

describe('translations', () => {
  const keys = new Set<string>();
  for (const f of [...files(join(ROOT, 'electron/core')), ...files(join(ROOT, 'shared'))]) {
    for (const m of readFileSync(f, 'utf8').matchAll(/'((?:errors|validation)\.[A-Za-z.]+)'/g)) keys.add(m[1]!);
  }

  it('finds the keys it checks', () => expect(keys.size).toBeGreaterThan(20));

  it.each([...keys].sort())('%s has Chinese and English words', (key) => {
    expect(typeof lookup('zh', key), `zh-CN ${key}`).toBe('string');
    expect(typeof lookup('en', key), `en ${key}`).toBe('string');
  });

  it('one term per tier, everywhere', () => {
    const all = JSON.stringify(bundles);
    expect(all).not.toContain('VIP');
    expect(all).not.toContain('标准客户');
    expect(all).not.toContain('′');
  });
});
