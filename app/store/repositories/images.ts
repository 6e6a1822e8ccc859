/** Repository of item images, stored once by their SHA-256. */
import type { ReadableDB, WritableDB } from '../database.js';

export type ImageType = 'image/png' | 'image/jpeg';

export function putImage(db: WritableDB, image: { sha256: string; contentType: ImageType; bytes: Uint8Array }, by: string, at: string): void {
  db.prepare('INSERT OR IGNORE INTO images (sha256, content_type, bytes, size, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)').run(
    image.sha256,
    image.contentType,
    Buffer.from(image.bytes),
    image.bytes.byteLength,
    at,
    by,
  );
}

export function getImage(db: ReadableDB, sha256: string): { contentType: ImageType; bytes: Uint8Array } | undefined {
  const row = db.prepare('SELECT content_type, bytes FROM images WHERE sha256 = ?').get(sha256) as { content_type: ImageType; bytes: Buffer } | undefined;
  return row ? { contentType: row.content_type, bytes: new Uint8Array(row.bytes) } : undefined;
}

export function existingImages(db: ReadableDB, hashes: readonly string[]): Set<string> {
  if (hashes.length === 0) return new Set();
  const found = new Set<string>();
  const stmt = db.prepare('SELECT 1 FROM images WHERE sha256 = ?').pluck();
  for (const h of hashes) if (stmt.get(h) !== undefined) found.add(h);
  return found;
}
