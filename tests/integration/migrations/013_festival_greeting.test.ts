// Migration 013 over a 012 database: the festival greeting rule is seeded after the existing rules,
// under the name-based id every seat computes; a centre's own rule with that code is kept.
import { expect, it } from 'vitest';
import { callbackRuleSchema, DEFAULT_CALLBACK_RULES, FESTIVAL_GREETING_RULE } from '../../../shared/callbacks/rules';
import { callbackRuleId } from '../../../electron/core/ids';
import { databaseAt, migrateTo, rows, sound } from './schema';

it('013 seeds the festival greeting after the existing rules', () => {
  const db = databaseAt(12);
  const before = rows(db, 'SELECT id, code, rule, position FROM callback_rules ORDER BY position');
  expect(migrateTo(db, 13)).toEqual([13]);
  const after = rows(db, 'SELECT id, code, rule, active, position FROM callback_rules ORDER BY position') as { id: string; code: string; rule: string; active: number; position: number }[];
  expect(after.slice(0, -1).map(({ id, code, rule, position }) => ({ id, code, rule, position }))).toEqual(before);
  const seeded = after.at(-1)!;
  expect(seeded).toMatchObject({ id: callbackRuleId('festival_greeting'), code: 'festival_greeting', active: 1, position: DEFAULT_CALLBACK_RULES.length * 10 + 10 });
  expect(callbackRuleSchema.parse(JSON.parse(seeded.rule))).toEqual(FESTIVAL_GREETING_RULE);
  expect(sound(db)).toEqual({ integrity: 'ok', foreignKeys: [] });
});

it('013 keeps a rule the centre already named festival_greeting', () => {
  const db = databaseAt(12);
  const own = { ...FESTIVAL_GREETING_RULE, names: { zh: '本中心节日问候', en: 'Our festival greeting' }, active: false };
  db.prepare(`INSERT INTO callback_rules (id, code, rule, active, position, updated_at) VALUES ('own', 'festival_greeting', ?, 0, 5, 1)`).run(JSON.stringify(own));
  expect(migrateTo(db, 13)).toEqual([13]);
  expect(rows(db, `SELECT id, rule FROM callback_rules WHERE code = 'festival_greeting'`)).toEqual([{ id: 'own', rule: JSON.stringify(own) }]);
});
