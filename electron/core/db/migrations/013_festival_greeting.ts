// Festival greetings: the seeds greet key accounts before New Year, Spring Festival, Labour Day,
// Mid-Autumn and National Day. Seeds that rule after the existing ones; a centre that already has a
// rule with this code keeps its own.
import { FESTIVAL_GREETING_RULE } from '../../../../shared/callbacks/rules';
import { callbackRuleId } from '../../ids';
import type { Migration } from './index';

export const m013FestivalGreeting: Migration = {
  version: 13,
  name: 'festival-greeting',
  up(db) {
    const position = ((db.prepare('SELECT max(position) FROM callback_rules').pluck().get() as number | null) ?? 0) + 10;
    db.prepare('INSERT OR IGNORE INTO callback_rules (id, code, rule, active, position, updated_at) VALUES (?, ?, ?, ?, ?, 0)').run(
      callbackRuleId(FESTIVAL_GREETING_RULE.code), // the same row at every seat (ids.ts)
      FESTIVAL_GREETING_RULE.code,
      JSON.stringify(FESTIVAL_GREETING_RULE),
      FESTIVAL_GREETING_RULE.active ? 1 : 0,
      position,
    );
  },
};
