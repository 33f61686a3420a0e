// The hub's schema in PostgreSQL (15 or newer), created by the first seat that connects. One
// table of changes in global order (bigserial), idempotent by change id; the centre and the
// registry of its seats. Seats only ever INSERT changes and SELECT them: the hub holds no rules.
export const HUB_SCHEMA_VERSION = 1;

/** Taken around schema creation and around every push, so seq order equals commit order. */
export const HUB_LOCK = 7_041_990_101;

export const HUB_SCHEMA = `
  CREATE TABLE IF NOT EXISTS kefu_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
  );
  CREATE TABLE IF NOT EXISTS kefu_centres (
    id             text PRIMARY KEY,
    name           text NOT NULL,
    time_zone      text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now(),
    uploaded_by    text NOT NULL
  );
  CREATE TABLE IF NOT EXISTS kefu_seats (
    seat_id    text PRIMARY KEY,
    centre_id  text NOT NULL REFERENCES kefu_centres (id),
    seat_code  text NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    last_seen  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (centre_id, seat_code)
  );
  CREATE TABLE IF NOT EXISTS kefu_changes (
    seq         bigserial PRIMARY KEY,
    centre_id   text NOT NULL REFERENCES kefu_centres (id),
    change_id   uuid NOT NULL UNIQUE,
    tbl         text NOT NULL,
    pk          text NOT NULL,
    op          text NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
    row         text,
    changed     text,
    base        bigint NOT NULL,
    seat        text,
    seat_id     text NOT NULL,
    at          bigint NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE INDEX IF NOT EXISTS kefu_changes_centre_seq ON kefu_changes (centre_id, seq);
`;

export const HUB_CHANNEL = 'kefu_changes';
