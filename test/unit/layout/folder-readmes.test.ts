/**
 * Every folder directly under app/, and templates/, crypto/, media/, says in a README of at most ten
 * lines what it is, what it may import and where its tests are (issue 12); the details live in
 * ARCHITECTURE.md, which names every one of these folders.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');
const folders = [
  ...readdirSync(join(root, 'app'), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => `app/${e.name}`),
  'templates',
  'crypto',
  'media',
];

describe('folder READMEs', () => {
  it.each(folders)('%s has a README.md of at most 10 lines', (folder) => {
    const file = join(root, folder, 'README.md');
    expect(existsSync(file), `${folder}/README.md`).toBe(true);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(10);
  });

  it('ARCHITECTURE.md names every folder and walks an item from import to paper', () => {
    const text = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
    for (const folder of folders) expect(text, folder).toContain(`${folder}/`);
    expect(text).toMatch(/## .*walk-through/i);
  });
});
