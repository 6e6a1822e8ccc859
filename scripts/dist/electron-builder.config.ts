/**
 * electron-builder configuration (`npm run dist`, on a connected build machine): Windows x64 NSIS
 * installer and Linux deb for x64 and arm64 (统信UOS, 麒麟). The app is one app.asar holding the
 * compiled program (dist/app, crypto, templates, media) and the renderer build — no sources, tests,
 * CLI or demo; the native SQLite module is rebuilt from source for Electron; `afterPack` flips the
 * fuses (fuses.ts). Nothing updates itself: no publish target, no update files.
 */
import type { Configuration } from 'electron-builder';
import { flipPackagedFuses } from './fuses.js';

/** What goes into app.asar (electron-builder adds the production node_modules). */
export const APP_FILES = [
  'package.json',
  'dist/app/**/*',
  'dist/crypto/**/*',
  'dist/templates/**/*',
  'dist/media/**/*',
  // shells that are not the desktop program
  '!dist/app/cli{,/**/*}',
  '!dist/app/demo{,/**/*}',
  // compiler output that only points back at sources
  '!**/*.map',
  '!**/*.{ts,tsx,mts,cts}',
] as const;

const config: Configuration = {
  appId: 'local.qbank.workstation',
  productName: '题库工作站',
  executableName: 'qbank-workstation',
  copyright: '题库工作站',
  directories: { output: 'release', buildResources: 'scripts/dist/resources' },
  files: [...APP_FILES],
  asar: true,
  // native modules cannot be loaded from inside the archive
  asarUnpack: ['**/*.node'],
  // better-sqlite3-multiple-ciphers: compiled from its npm sources against Electron's headers
  npmRebuild: true,
  buildDependenciesFromSource: true,
  nodeGypRebuild: false,
  electronLanguages: ['zh-CN', 'en-US'],
  afterPack: flipPackagedFuses,
  publish: null,
  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    // the version resource and the app.asar integrity resource are written into the exe
    signAndEditExecutable: true,
  },
  nsis: {
    oneClick: false,
    perMachine: true,
    allowElevation: true,
    allowToChangeInstallationDirectory: true,
    createDesktopShortcut: true,
    createStartMenuShortcut: true,
    shortcutName: '题库工作站',
    uninstallDisplayName: '题库工作站',
    installerLanguages: ['zh_CN'],
    language: '2052',
    // the workstation database lives in the profile: uninstalling never deletes it
    deleteAppDataOnUninstall: false,
    differentialPackage: false,
    runAfterFinish: false,
    artifactName: 'qbank-workstation-${version}-setup-${arch}.${ext}',
  },
  linux: {
    target: [{ target: 'deb', arch: ['x64', 'arm64'] }],
    executableName: 'qbank-workstation',
    category: 'Office',
    maintainer: 'qbank workstation <qbank-workstation@invalid>',
    vendor: '题库工作站',
    synopsis: '职业技能等级认定题库工作站（断网专用机）',
    description: '职业技能等级认定题库工作站：在与网络物理断开的专用计算机上管理试题、组卷并生成试题审核备案材料。',
    desktop: { entry: { Name: '题库工作站', Comment: '职业技能等级认定题库工作站', Categories: 'Office;Education;' } },
    artifactName: 'qbank-workstation_${version}_${arch}.${ext}',
  },
  deb: { priority: 'optional' },
};

export default config;
