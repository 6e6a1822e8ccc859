import type { Migration } from './index.js';

/** Workstation identity and settings (key/value). */
export const migration0010: Migration = {
  version: 10,
  name: 'workstation',
  sql: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;
    INSERT INTO settings (key, value) VALUES
      ('workstation.id', lower(hex(randomblob(16)))),
      ('workstation.created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
  `,
};
