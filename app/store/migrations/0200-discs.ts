import type { Migration } from './index.js';

/**
 * Discs and what travels on them (issue [G]; 规程第十二、十三条):
 * - package_recipients: certificates packages are encrypted for (the upload station's, the province's),
 *   imported from a file; retired, never deleted.
 * - disc_exports: every package written (submission, backup, transfer) with the image's SHA-256, its
 *   label and where it went — the 存档 entry printed on the disc's cover sheet. Fixed once written.
 * - destructions: the 销毁 register of discs and printed papers (what, how, who, witness).
 * - item_origins: the identity an item carries between workstations (`<workstation id>:<item id>` of
 *   the workstation that created it), so a transferred bank merges instead of duplicating.
 */
export const migration0200: Migration = {
  version: 200,
  name: 'discs',
  sql: `
    CREATE TABLE package_recipients (
      id              INTEGER PRIMARY KEY,
      name            TEXT NOT NULL,
      purpose         TEXT NOT NULL CHECK (purpose IN ('上传站', '省级', '存档', '其他')),
      certificate_pem TEXT NOT NULL,
      fingerprint     TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
      subject         TEXT NOT NULL,
      not_after       TEXT NOT NULL,
      imported_at     TEXT NOT NULL,
      imported_by     TEXT NOT NULL,
      retired_at      TEXT NOT NULL DEFAULT '',
      retired_by      TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE TRIGGER package_recipients_permanent BEFORE DELETE ON package_recipients
    BEGIN SELECT RAISE(ABORT, '接收方证书不能删除，只能停用'); END;

    CREATE TABLE disc_exports (
      id            INTEGER PRIMARY KEY,
      kind          TEXT NOT NULL CHECK (kind IN ('submission', 'backup', 'transfer')),
      package_id    TEXT NOT NULL UNIQUE CHECK (length(package_id) = 32),
      bank_id       INTEGER REFERENCES banks (id) ON DELETE RESTRICT,
      label         TEXT NOT NULL,
      image_name    TEXT NOT NULL,
      image_sha256  TEXT NOT NULL CHECK (length(image_sha256) = 64),
      image_bytes   INTEGER NOT NULL CHECK (image_bytes > 0),
      recipients    TEXT NOT NULL CHECK (json_valid(recipients)),
      target        TEXT NOT NULL,
      verified      INTEGER NOT NULL CHECK (verified IN (0, 1)),
      anchor        TEXT NOT NULL DEFAULT '',
      at            TEXT NOT NULL,
      by            TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER disc_exports_fixed BEFORE UPDATE ON disc_exports
    BEGIN SELECT RAISE(ABORT, '存档登记不可修改'); END;
    CREATE TRIGGER disc_exports_permanent BEFORE DELETE ON disc_exports
    BEGIN SELECT RAISE(ABORT, '存档登记不可删除'); END;

    CREATE TABLE destructions (
      id          INTEGER PRIMARY KEY,
      object_kind TEXT NOT NULL CHECK (object_kind IN ('光盘', '纸质试卷', '纸质答案', '其他载体')),
      description TEXT NOT NULL,
      quantity    INTEGER NOT NULL CHECK (quantity >= 1),
      disc_export INTEGER REFERENCES disc_exports (id) ON DELETE RESTRICT,
      method      TEXT NOT NULL,
      destroyed_on TEXT NOT NULL,
      destroyer   TEXT NOT NULL,
      witness     TEXT NOT NULL,
      note        TEXT NOT NULL DEFAULT '',
      recorded_at TEXT NOT NULL,
      recorded_by TEXT NOT NULL,
      CHECK (destroyer <> witness)
    ) STRICT;
    CREATE TRIGGER destructions_fixed BEFORE UPDATE ON destructions
    BEGIN SELECT RAISE(ABORT, '销毁登记不可修改'); END;
    CREATE TRIGGER destructions_permanent BEFORE DELETE ON destructions
    BEGIN SELECT RAISE(ABORT, '销毁登记不可删除'); END;

    CREATE TABLE item_origins (
      item_id INTEGER PRIMARY KEY REFERENCES items (id) ON DELETE RESTRICT,
      origin  TEXT NOT NULL UNIQUE
    ) STRICT;
  `,
};
