// Every method refuses malformed input with VALIDATION and changes nothing: unknown keys, wrong
// types, missing fields, huge strings, non-objects.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, type MethodName } from '../../shared/contract';
import { startCore, type TestCore } from './helpers';
import { validSamples } from './samples';
import { snapshot } from './snapshot';

let t: TestCore;
beforeAll(async () => {
  t = await startCore();
});
afterAll(async () => t.close());

/** Malformed variants of a valid input, each named for the report. */
function malformedVariants(sample: Record<string, unknown>): [string, unknown][] {
  const variants: [string, unknown][] = [
    ['an unknown key', { ...sample, unexpected: true }],
    ['a string instead of an object', 'not an object'],
    ['an array instead of an object', [sample]],
    ['a number instead of an object', 42],
    ['a 1 MB string', { ...sample, [Object.keys(sample)[0] ?? 'x']: 'x'.repeat(1024 * 1024) }],
  ];
  for (const [key, value] of Object.entries(sample)) {
    const { [key]: _removed, ...rest } = sample;
    variants.push([`${key} missing`, rest]);
    variants.push([`${key} of the wrong type`, { ...sample, [key]: typeof value === 'number' ? 'NaN' : 12345 }]);
    if (typeof value === 'string') variants.push([`${key} 300,000 characters long`, { ...sample, [key]: '长'.repeat(300_000) }]);
    if (value && typeof value === 'object') variants.push([`${key} with an unknown key`, { ...sample, [key]: { ...value, evil: 1 } }]);
  }
  return variants;
}

const methods = Object.keys(contract) as MethodName[];

describe.each(methods)('%s', (method) => {
  const sample = validSamples[method] as Record<string, unknown>;
  const shape = (contract[method].input as unknown as z.ZodObject).shape;
  // Leaving out an optional field is allowed; every required one must be refused.
  const cases = malformedVariants(sample).filter(([name]) => {
    const field = name.endsWith(' missing') ? name.slice(0, -' missing'.length) : null;
    return !field || !shape[field]?.safeParse(undefined).success;
  });

  it.each(cases)('refuses %s with VALIDATION and changes nothing', (_name, input) => {
    const before = snapshot(t.core.db);
    const r = t.core.invoke(method, input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('VALIDATION');
      expect(r.error.messageKey).toMatch(/^errors\./);
    }
    expect(snapshot(t.core.db)).toBe(before);
  });
});

describe('the registry door', () => {
  it('refuses a method that does not exist', () => {
    const r = t.core.invoke('users.drop', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'VALIDATION', messageKey: 'errors.unknownMethod' } });
  });
  it('refuses a method name that is not a string or is an inherited property', () => {
    expect(t.core.invoke(42, {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.core.invoke('constructor', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(t.core.invoke('__proto__', {})).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
  it('names the wrong field and carries a translatable message key for it', () => {
    const r = t.core.call('users.create', { name: 'x', displayName: '某人', role: 'agent', password: 'short' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.issues).toEqual(
        expect.arrayContaining([
          { path: 'name', message: 'validation.userName.length' },
          { path: 'password', message: 'validation.password.length' },
        ]),
      );
    }
  });
});
