// ESLint flat config. Beyond style, it guards what the program depends on:
// 1. the layer arrows of design/architecture.md (domain ← store ← services ← shells; domain ← readers ← services),
// 2. the air gap: no network module, global or dynamic import anywhere (规程第十一、十三条), and
// 3. the shape of the code: no import cycle, no source file over 400 lines (one concept per file).
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import globals from 'globals';

export const NETWORK_MODULES = ['http', 'https', 'net', 'dgram', 'dns', 'dns/promises', 'tls', 'http2', 'undici', 'ws'];
const networkMessage = '题库工作站必须物理断网：程序中不得使用网络模块（规程第十一、十三条）';
const networkPaths = NETWORK_MODULES.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: networkMessage }));
const networkRegex = `^(node:)?(${NETWORK_MODULES.map((m) => m.replace('/', '\\/')).join('|')})$`;

/** Node-only packages: never in the renderer (Signal-Desktop style runtime classification). */
export const NODE_ONLY_PACKAGES = ['better-sqlite3-multiple-ciphers', 'node-forge', 'docx', 'exceljs', 'jszip', 'saxes', '@resvg/resvg-js', 'electron'];

const airGapRules = {
  'no-restricted-imports': ['error', { paths: networkPaths }],
  'no-restricted-globals': [
    'error',
    ...['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource', 'WebTransport', 'RTCPeerConnection'].map((name) => ({
      name,
      message: networkMessage,
    })),
  ],
  'no-restricted-syntax': [
    'error',
    { selector: `CallExpression[callee.name='require'][arguments.0.value=/${networkRegex}/]`, message: networkMessage },
    { selector: `ImportExpression[source.value=/${networkRegex}/]`, message: networkMessage },
    { selector: `MemberExpression[object.name='navigator'][property.name='sendBeacon']`, message: networkMessage },
  ],
};

const APP = ['domain', 'store', 'readers', 'services', 'demo', 'cli', 'main', 'preload', 'renderer'];
const appExcept = (...allowed) => APP.filter((l) => !allowed.includes(l)).map((l) => `./app/${l}`);
const layer = (target, from, message) => ({ target, from, message });

const layerZones = [
  layer('./app/domain', [...appExcept('domain'), './crypto', './templates', './media'], 'app/domain 是纯领域层，不得依赖其他层 (domain imports nothing of ours)'),
  layer('./app/store', [...appExcept('domain', 'store'), './crypto', './templates', './media'], 'app/store 只能依赖 app/domain (store → domain)'),
  // Readers of outside files (xlsx, docx, csv, images): bytes → raw domain objects, bounded; pure of the store.
  layer('./app/readers', [...appExcept('domain', 'readers'), './crypto', './templates', './media'], 'app/readers 只能依赖 app/domain (readers → domain)'),
  layer('./app/services', appExcept('domain', 'store', 'readers', 'services'), 'app/services 不得依赖界面层 (services must not import shells)'),
  // The demo is a shell beside the CLI: it runs the main job through the services, like a user would.
  layer('./app/demo', [...appExcept('domain', 'services', 'demo'), './crypto', './templates', './media'], 'app/demo 只能通过 app/services 工作 (demo → services)'),
  layer('./app/cli', [...appExcept('domain', 'services', 'demo', 'cli'), './crypto', './templates', './media'], 'app/cli 只能通过 app/services 工作 (cli → services, demo)'),
  layer('./app/main', [...appExcept('domain', 'services', 'main'), './crypto', './templates', './media'], 'app/main 只能通过 app/services 工作 (main → services)'),
  layer('./app/preload', [...appExcept('preload', 'services'), './crypto', './templates', './media'], 'app/preload 只暴露类型化 API (preload exposes the typed API only)'),
  // The preload may name the handler map's type (app/preload/api.ts), nothing else of the services.
  { target: './app/preload', from: './app/services', except: ['./registry.ts'], message: 'app/preload 只能引用 app/services/registry.ts 的类型' },
  layer('./app/renderer', [...appExcept('domain', 'preload', 'renderer'), './crypto', './templates', './media'], 'app/renderer 只能使用领域类型和 preload API (renderer → domain types + preload API)'),
  layer('./templates', [...appExcept('domain'), './crypto', './media'], 'templates 只能依赖 app/domain (templates → domain)'),
  layer('./crypto', ['./app', './templates', './media'], 'crypto 不得依赖 app (crypto imports nothing of app)'),
  layer('./media', ['./app', './templates', './crypto'], 'media 不得依赖 app (media imports nothing of app)'),
];

/** Source folders whose files must not import each other in a cycle (type-only imports do not count). */
const CYCLE_FREE = ['app/**/*.{ts,tsx}', 'templates/**/*.ts', 'crypto/**/*.ts', 'media/**/*.ts'];

/** Lines per file, counted as written (blank lines and comments included). */
const MAX_SOURCE_LINES = 400;
/** Tests are flat lists of cases with their data inline: a higher ceiling, still low enough to split a test file with its module. */
const MAX_TEST_LINES = 600;
const SOURCE_FILES = ['app/**/*.{ts,tsx,cjs}', 'templates/**/*.ts', 'crypto/**/*.ts', 'media/**/*.ts', 'scripts/**/*.{ts,js,mjs}'];
const maxLines = (max) => ['error', { max, skipBlankLines: false, skipComments: false }];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'demo-out/**', 'coverage/**', 'test/fixtures/**'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
      // Rules that read the imported files (no-cycle) parse TypeScript too, not only .js.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
    },
    rules: {
      ...airGapRules,
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    // No import cycles between our modules: a cycle makes load order matter and hides a missing layer.
    files: CYCLE_FREE,
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    files: SOURCE_FILES,
    rules: { 'max-lines': maxLines(MAX_SOURCE_LINES) },
  },
  {
    // Data files (json, test/fixtures/**) are not linted at all.
    files: ['test/**/*.ts'],
    rules: { 'max-lines': maxLines(MAX_TEST_LINES) },
  },
  {
    // The pure domain: no Node built-ins at all.
    files: ['app/domain/**/*.ts', 'templates/**/*.ts'],
    rules: { 'import-x/no-nodejs-modules': 'error' },
  },
  {
    // The renderer runs in Chromium without Node: no built-ins, no node-only packages.
    files: ['app/renderer/**/*.{ts,tsx}'],
    ignores: ['app/renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'import-x/no-nodejs-modules': 'error',
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...networkPaths,
            ...NODE_ONLY_PACKAGES.map((name) => ({ name, message: '渲染进程不得使用 Node 专用包 (node-only package in the renderer)' })),
          ],
        },
      ],
    },
  },
  {
    // Plain CommonJS children (app/readers/svg/render-child.cjs, test shims): require is their import;
    // the air-gap rules above still hold for what they require.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['scripts/**/*.{ts,js,mjs}', 'bin/**/*.js', 'test/**/*.ts', '*.config.{js,ts}'],
    rules: { 'no-console': 'off' },
  },
);
