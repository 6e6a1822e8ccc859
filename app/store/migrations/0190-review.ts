import type { Migration } from './index.js';

/**
 * Internal review (附件6 三(五), issue [F]) and the signatures beside the ink:
 * - `review_rounds`: the rounds of a bank's review (第 1 次, 第 2 次 …) with their dates, the panel's
 *   conclusion and opinion (recorded by the 审核组长), the manifest of the submission generated for it
 *   and the state of the sign-off. A signed round is closed: nothing of it changes.
 * - `review_panel`: the experts of a round (registered people), their category and the 审核组长.
 * - `review_verdicts`: each expert's verdict per item version, with a comment; changed while the
 *   round is open (the last word counts), never deleted.
 * - `review_notes`: comments on documents (细目表, a set, the 编制说明) and the authors' answers to
 *   verdicts and notes (`answer_*`).
 * - `review_conclusions`: each expert's own conclusion for the round.
 * - `review_scans`: the ink-signed 审核意见 as attached (PDF/JPEG/PNG) and as the PDF that goes into the
 *   submission, with their SHA-256; the newest counts, earlier ones stay.
 * - `certificates`, `crls`: the workstation's CA and the certificates it issued (private keys wrapped
 *   by the holder's own account key), the revocation lists it signed.
 * - `review_signatures`: each member's detached CMS over the round's manifest.
 * - `papers.replaces`: a set made after the review to replace one (an item judged 不通过 swapped, or a
 *   revised version pinned); the replaced set is voided, and the bank's current sets follow the chain.
 * - `submissions`: what was sent to the province, when, its hash, and the result entered later.
 */
export const migration0190: Migration = {
  version: 190,
  name: 'review',
  sql: `
    CREATE TABLE review_rounds (
      id              INTEGER PRIMARY KEY,
      bank_id         INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      round           INTEGER NOT NULL CHECK (round >= 1),
      starts_on       TEXT NOT NULL,
      ends_on         TEXT NOT NULL CHECK (ends_on >= starts_on),
      conclusion      TEXT NOT NULL DEFAULT '' CHECK (conclusion IN ('', '通过', '修改后通过', '不通过')),
      opinion         TEXT NOT NULL DEFAULT '',
      checklist       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(checklist)),
      concluded_at    TEXT NOT NULL DEFAULT '',
      concluded_by    TEXT NOT NULL DEFAULT '',
      manifest        TEXT NOT NULL DEFAULT '',
      manifest_sha256 TEXT NOT NULL DEFAULT '',
      manifest_folder TEXT NOT NULL DEFAULT '',
      signed_at       TEXT NOT NULL DEFAULT '',
      created_at      TEXT NOT NULL,
      created_by      TEXT NOT NULL,
      UNIQUE (bank_id, round)
    ) STRICT;
    CREATE TRIGGER review_rounds_signed BEFORE UPDATE ON review_rounds
    WHEN OLD.signed_at <> ''
    BEGIN SELECT RAISE(ABORT, '审核轮次已全部签署，不能再修改'); END;
    CREATE TRIGGER review_rounds_permanent BEFORE DELETE ON review_rounds
    BEGIN SELECT RAISE(ABORT, '审核记录不能删除'); END;

    CREATE TABLE review_panel (
      round_id  INTEGER NOT NULL REFERENCES review_rounds (id) ON DELETE RESTRICT,
      person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      category  TEXT NOT NULL DEFAULT '' CHECK (category IN ('', '方法专家', '内容专家', '实际工作专家')),
      leader    INTEGER NOT NULL DEFAULT 0 CHECK (leader IN (0, 1)),
      position  INTEGER NOT NULL,
      PRIMARY KEY (round_id, person_id)
    ) STRICT;

    CREATE TABLE review_verdicts (
      id          INTEGER PRIMARY KEY,
      round_id    INTEGER NOT NULL REFERENCES review_rounds (id) ON DELETE RESTRICT,
      item_id     INTEGER NOT NULL,
      version     INTEGER NOT NULL,
      person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      verdict     TEXT NOT NULL CHECK (verdict IN ('通过', '修改后通过', '不通过')),
      comment     TEXT NOT NULL DEFAULT '',
      at          TEXT NOT NULL,
      by          TEXT NOT NULL,
      answer      TEXT NOT NULL DEFAULT '',
      answered_at TEXT NOT NULL DEFAULT '',
      answered_by TEXT NOT NULL DEFAULT '',
      UNIQUE (round_id, item_id, version, person_id),
      FOREIGN KEY (item_id, version) REFERENCES item_versions (item_id, version) ON DELETE RESTRICT
    ) STRICT;
    CREATE INDEX review_verdicts_by_item ON review_verdicts (item_id);
    CREATE TRIGGER review_verdicts_permanent BEFORE DELETE ON review_verdicts
    BEGIN SELECT RAISE(ABORT, '审核意见不能删除'); END;

    CREATE TABLE review_notes (
      id          INTEGER PRIMARY KEY,
      round_id    INTEGER NOT NULL REFERENCES review_rounds (id) ON DELETE RESTRICT,
      person_id   INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      document    TEXT NOT NULL,
      text        TEXT NOT NULL,
      at          TEXT NOT NULL,
      by          TEXT NOT NULL,
      answer      TEXT NOT NULL DEFAULT '',
      answered_at TEXT NOT NULL DEFAULT '',
      answered_by TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE TRIGGER review_notes_permanent BEFORE DELETE ON review_notes
    BEGIN SELECT RAISE(ABORT, '审核意见不能删除'); END;

    CREATE TABLE review_conclusions (
      round_id   INTEGER NOT NULL REFERENCES review_rounds (id) ON DELETE RESTRICT,
      person_id  INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      conclusion TEXT NOT NULL CHECK (conclusion IN ('通过', '修改后通过', '不通过')),
      opinion    TEXT NOT NULL DEFAULT '',
      at         TEXT NOT NULL,
      PRIMARY KEY (round_id, person_id)
    ) STRICT;

    CREATE TABLE review_scans (
      id              INTEGER PRIMARY KEY,
      round_id        INTEGER NOT NULL REFERENCES review_rounds (id) ON DELETE RESTRICT,
      file_name       TEXT NOT NULL,
      format          TEXT NOT NULL CHECK (format IN ('pdf', 'png', 'jpeg')),
      pages           INTEGER NOT NULL CHECK (pages >= 1),
      original        BLOB NOT NULL,
      original_sha256 TEXT NOT NULL CHECK (length(original_sha256) = 64),
      pdf             BLOB NOT NULL,
      sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
      attached_at     TEXT NOT NULL,
      attached_by     TEXT NOT NULL
    ) STRICT;
    CREATE TRIGGER review_scans_fixed BEFORE UPDATE ON review_scans
    BEGIN SELECT RAISE(ABORT, '扫描件一经登记不可修改，可重新上传'); END;
    CREATE TRIGGER review_scans_permanent BEFORE DELETE ON review_scans
    BEGIN SELECT RAISE(ABORT, '扫描件不能删除'); END;

    CREATE TABLE certificates (
      serial          TEXT PRIMARY KEY,
      kind            TEXT NOT NULL CHECK (kind IN ('ca', 'holder')),
      account_id      INTEGER REFERENCES accounts (id) ON DELETE RESTRICT,
      certificate_pem TEXT NOT NULL DEFAULT '',
      public_key_pem  TEXT NOT NULL,
      wrapped_key_pem TEXT NOT NULL,
      wrapped_by      TEXT NOT NULL,
      fingerprint     TEXT NOT NULL DEFAULT '',
      requested_at    TEXT NOT NULL,
      issued_at       TEXT NOT NULL DEFAULT '',
      issued_by       TEXT NOT NULL DEFAULT '',
      not_after       TEXT NOT NULL DEFAULT '',
      revoked_at      TEXT NOT NULL DEFAULT '',
      revoked_by      TEXT NOT NULL DEFAULT '',
      revoke_reason   TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX certificates_by_account ON certificates (account_id);
    CREATE TRIGGER certificates_permanent BEFORE DELETE ON certificates
    BEGIN SELECT RAISE(ABORT, '证书记录不能删除，只能吊销'); END;
    CREATE TRIGGER certificates_fixed BEFORE UPDATE ON certificates
    WHEN NEW.serial IS NOT OLD.serial OR NEW.public_key_pem IS NOT OLD.public_key_pem OR NEW.kind IS NOT OLD.kind
      OR NEW.account_id IS NOT OLD.account_id OR (OLD.certificate_pem <> '' AND NEW.certificate_pem IS NOT OLD.certificate_pem)
      OR (OLD.revoked_at <> '' AND NEW.revoked_at IS NOT OLD.revoked_at)
    BEGIN SELECT RAISE(ABORT, '证书一经签发不可修改，只能吊销'); END;

    CREATE TABLE crls (
      number INTEGER PRIMARY KEY,
      pem    TEXT NOT NULL,
      at     TEXT NOT NULL,
      by     TEXT NOT NULL
    ) STRICT;

    CREATE TABLE review_signatures (
      id              INTEGER PRIMARY KEY,
      round_id        INTEGER NOT NULL REFERENCES review_rounds (id) ON DELETE RESTRICT,
      person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE RESTRICT,
      serial          TEXT NOT NULL REFERENCES certificates (serial) ON DELETE RESTRICT,
      manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
      cms             BLOB NOT NULL,
      signed_at       TEXT NOT NULL,
      UNIQUE (round_id, person_id, manifest_sha256)
    ) STRICT;
    CREATE TRIGGER review_signatures_fixed BEFORE UPDATE ON review_signatures
    BEGIN SELECT RAISE(ABORT, '签名不可修改'); END;
    CREATE TRIGGER review_signatures_permanent BEFORE DELETE ON review_signatures
    BEGIN SELECT RAISE(ABORT, '签名不可删除'); END;

    ALTER TABLE papers ADD COLUMN replaces INTEGER REFERENCES papers (id) ON DELETE RESTRICT;

    CREATE TABLE submissions (
      id              INTEGER PRIMARY KEY,
      bank_id         INTEGER NOT NULL REFERENCES banks (id) ON DELETE RESTRICT,
      round_id        INTEGER REFERENCES review_rounds (id) ON DELETE RESTRICT,
      submitted_on    TEXT NOT NULL,
      package_sha256  TEXT NOT NULL CHECK (length(package_sha256) = 64),
      note            TEXT NOT NULL DEFAULT '',
      recorded_at     TEXT NOT NULL,
      recorded_by     TEXT NOT NULL,
      result          TEXT NOT NULL DEFAULT '' CHECK (result IN ('', '通过', '退回')),
      result_on       TEXT NOT NULL DEFAULT '',
      result_comments TEXT NOT NULL DEFAULT '',
      result_by       TEXT NOT NULL DEFAULT ''
    ) STRICT;
    CREATE INDEX submissions_by_bank ON submissions (bank_id, submitted_on);
    CREATE TRIGGER submissions_permanent BEFORE DELETE ON submissions
    BEGIN SELECT RAISE(ABORT, '报送记录不能删除'); END;
    CREATE TRIGGER submissions_result_once BEFORE UPDATE ON submissions
    WHEN OLD.result <> '' OR NEW.submitted_on IS NOT OLD.submitted_on OR NEW.package_sha256 IS NOT OLD.package_sha256 OR NEW.bank_id IS NOT OLD.bank_id
    BEGIN SELECT RAISE(ABORT, '报送记录只能录入一次审核结果'); END;
  `,
};
