import type { Migration } from './index.js';

/** Images of items (PNG/JPEG), stored once by content hash; item bodies refer to them by SHA-256. */
export const migration0110: Migration = {
  version: 110,
  name: 'images',
  sql: `
    CREATE TABLE images (
      sha256       TEXT PRIMARY KEY CHECK (length(sha256) = 64),
      content_type TEXT NOT NULL CHECK (content_type IN ('image/png', 'image/jpeg')),
      bytes        BLOB NOT NULL,
      size         INTEGER NOT NULL,
      created_at   TEXT NOT NULL,
      created_by   TEXT NOT NULL
    ) STRICT;
  `,
};
