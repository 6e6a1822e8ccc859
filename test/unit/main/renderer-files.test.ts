import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, rendererPathOf, serveRendererFile } from '../../../app/main/renderer-files.js';
import { useTempDir } from '../../helpers/tmp.js';

const INDEX = '<!doctype html><meta name="csp-nonce" content="__CSP_NONCE__"><script type="module" src="./assets/index.js"></script>';

/** A renderer build (dist/app/renderer) with a secret file beside it, outside the folder. */
function rendererBuild(root: string): string {
  const dir = join(root, 'renderer');
  mkdirSync(join(dir, 'assets'), { recursive: true });
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'assets', 'index.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'index.css'), 'body{}');
  writeFileSync(join(dir, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(dir, 'assets', 'a.png'), 'png');
  writeFileSync(join(dir, 'assets', 'f.woff2'), 'woff2');
  writeFileSync(join(dir, 'assets', 'd.json'), '{}');
  writeFileSync(join(dir, 'assets', 'notes.txt'), 'not served');
  writeFileSync(join(root, 'secret.js'), 'secret');
  return dir;
}

const text = (body: Uint8Array) => new TextDecoder().decode(body);
const nonceOf = (html: string) => /content="([^"]+)"/.exec(html)?.[1];

describe('main/renderer-files', () => {
  const tempDir = useTempDir();

  it('serves index.html with a fresh nonce in the page and in its CSP, each time', async () => {
    const dir = rendererBuild(tempDir());
    const nonces = new Set<string>();
    for (const url of ['app://qbank/', 'app://qbank/index.html', 'app://qbank/index.html?x=1#/items']) {
      const r = await serveRendererFile(dir, url);
      expect(r.status, url).toBe(200);
      expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
      const html = text(r.body);
      expect(html).not.toContain('__CSP_NONCE__');
      const nonce = nonceOf(html) ?? '';
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(r.headers['Content-Security-Policy']).toBe(contentSecurityPolicy(nonce));
      expect(r.headers['Content-Security-Policy']).toContain(`style-src 'self' 'nonce-${nonce}'`);
      expect(r.headers['Content-Security-Policy']).not.toContain('unsafe-inline');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it('serves the other files as they are, with their content type and the CSP', async () => {
    const dir = rendererBuild(tempDir());
    const types: Record<string, string> = {
      'assets/index.js': 'text/javascript; charset=utf-8',
      'assets/index.css': 'text/css; charset=utf-8',
      'assets/logo.svg': 'image/svg+xml',
      'assets/a.png': 'image/png',
      'assets/f.woff2': 'font/woff2',
      'assets/d.json': 'application/json; charset=utf-8',
    };
    for (const [path, type] of Object.entries(types)) {
      const r = await serveRendererFile(dir, `app://qbank/${path}`);
      expect(r.status, path).toBe(200);
      expect(r.headers['Content-Type'], path).toBe(type);
      expect(r.headers['Content-Security-Policy'], path).toBe(contentSecurityPolicy());
      expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
    }
    expect(text((await serveRendererFile(dir, 'app://qbank/assets/index.js')).body)).toBe('console.log(1)');
  });

  it('refuses every way out of the folder', async () => {
    const root = tempDir();
    const dir = rendererBuild(root);
    const escapes = [
      'app://qbank/../secret.js',
      'app://qbank/%2e%2e/secret.js',
      'app://qbank/%2E%2E/secret.js',
      'app://qbank/assets/%2e%2e%2f%2e%2e%2fsecret.js',
      'app://qbank/..%2fsecret.js',
      'app://qbank/..%5csecret.js',
      'app://qbank/assets\\..\\..\\secret.js',
      'app://qbank/%2fetc%2fpasswd.js',
      `app://qbank/${encodeURIComponent(join(root, 'secret.js'))}`,
      'app://qbank/C:%5cWindows%5cwin.ini.js',
      'app://qbank/assets/..%20/..%20/secret.js',
      'app://qbank/assets/index.js%00.png',
      'app://qbank/con.js',
      'app://qbank/%E0%A4%A.js',
    ];
    for (const url of escapes) {
      const r = await serveRendererFile(dir, url);
      expect([403, 404], url).toContain(r.status);
      expect(text(r.body), url).toBe('');
    }
    // the URL parser already folds plain `..`; the encoded and backslash forms must be caught by us
    expect(rendererPathOf('app://qbank/%2e%2e/secret.js')).toBe('secret.js');
    const refused = [
      'app://qbank/..%2fsecret.js',
      'app://qbank/..%5csecret.js',
      'app://qbank/assets\\..\\..\\secret.js',
      'app://qbank/%2fetc',
      // Windows drops a trailing dot or space: `..%20` would be `..`
      'app://qbank/assets/..%20/..%20/secret.js',
      'app://qbank/assets/.%20./secret.js',
      'app://qbank/index.js.',
      // Windows device names, with or without an extension
      'app://qbank/con.js',
      'app://qbank/assets/NUL',
      'app://qbank/assets/com1.css',
    ];
    for (const url of refused) {
      expect(rendererPathOf(url), url).toBeNull();
    }
  });

  it('refuses a symlink that leads out of the folder, and serves one that stays inside', async () => {
    const root = tempDir();
    const dir = rendererBuild(root);
    symlinkSync(join(root, 'secret.js'), join(dir, 'assets', 'link.js'));
    symlinkSync(root, join(dir, 'up'));
    symlinkSync(join(dir, 'assets', 'index.js'), join(dir, 'same.js'));
    expect((await serveRendererFile(dir, 'app://qbank/assets/link.js')).status).toBe(403);
    expect((await serveRendererFile(dir, 'app://qbank/up/secret.js')).status).toBe(403);
    expect((await serveRendererFile(dir, 'app://qbank/same.js')).status).toBe(200);
  });

  it('refuses another host, scheme or port with 403; a missing or unknown kind of file with 404', async () => {
    const dir = rendererBuild(tempDir());
    for (const url of ['app://evil/index.html', 'https://qbank/index.html', 'file:///index.html', 'app://qbank:8080/index.html', 'app://u:p@qbank/index.html', 'nonsense']) {
      expect((await serveRendererFile(dir, url)).status, url).toBe(403);
    }
    expect((await serveRendererFile(dir, 'app://qbank/assets/missing.js')).status).toBe(404);
    expect((await serveRendererFile(dir, 'app://qbank/assets/notes.txt')).status).toBe(404);
    expect((await serveRendererFile(dir, 'app://qbank/assets')).status).toBe(404);
    mkdirSync(join(dir, 'folder.js'));
    expect((await serveRendererFile(dir, 'app://qbank/folder.js')).status).toBe(404);
  });
});
