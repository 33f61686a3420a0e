// Callback rules, callbacks and their attempts join the centre's replication. Every seat seeded
// its own rules with its own ids under the same codes, and a callback's occasion embeds its rule's
// id; so rules are renamed to ids derived from their code and callbacks to ids derived from their
// occasion (electron/core/ids.ts), with every reference following, and two seats' copies of the
// same rule or callback become one row. sync_state also learns which tables were shared so far,
// so a seat already in a centre sends the rows of a newly shared table once (sync/triggers.ts).
import { callbackId, callbackRuleId } from '../../ids';
import type { Migration } from './index';

/** The tables replicated before this migration (sync/tables.ts before callbacks joined). */
const SHARED_BEFORE = [
  'users', 'settings', 'calendars', 'request_types', 'departments', 'customers', 'customer_assets', 'tickets',
  'ticket_events', 'agent_errors', 'agent_credits', 'notification_prefs', 'user_seats',
];

export const m010HubCallbacks: Migration = {
  version: 10, // 012 once stats (010) and customers (011) are merged: it depends on neither
  name: 'hub_callbacks',
  up(db) {
    db.exec(`ALTER TABLE sync_state ADD COLUMN shared_tables TEXT NOT NULL DEFAULT '[]'`);
    db.prepare('UPDATE sync_state SET shared_tables = ? WHERE id = 1').run(JSON.stringify(SHARED_BEFORE));
    // Ids change under their foreign keys: checked once, at the end of the migrations' transaction.
    db.pragma('defer_foreign_keys = ON');
    const rules = db.prepare('SELECT id, code FROM callback_rules').all() as { id: string; code: string }[];
    const renameRule = db.prepare('UPDATE callback_rules SET id = ? WHERE id = ?');
    const moveCallbacks = db.prepare(
      `UPDATE callbacks SET rule_id = @id,
         occasion = CASE WHEN substr(occasion, 1, length(@old) + 1) = @old || ':' THEN @id || substr(occasion, length(@old) + 1) ELSE occasion END
       WHERE rule_id = @old`,
    );
    for (const r of rules) {
      const id = callbackRuleId(r.code);
      if (id === r.id) continue;
      moveCallbacks.run({ id, old: r.id });
      renameRule.run(id, r.id);
    }
    const callbacks = db.prepare('SELECT id, occasion FROM callbacks').all() as { id: string; occasion: string }[];
    const renames = [
      db.prepare('UPDATE callbacks SET id = @id WHERE id = @old'),
      db.prepare('UPDATE callback_attempts SET callback_id = @id WHERE callback_id = @old'),
      db.prepare('UPDATE notifications SET callback_id = @id WHERE callback_id = @old'),
      db.prepare(`UPDATE due_moments SET subject_id = @id WHERE kind = 'callback.due' AND subject_id = @old`),
    ];
    for (const c of callbacks) {
      const id = callbackId(c.occasion);
      if (id === c.id) continue;
      for (const s of renames) s.run({ id, old: c.id });
    }
  },
};
