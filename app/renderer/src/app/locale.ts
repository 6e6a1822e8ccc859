/**
 * antd's Chinese locale. The file is CommonJS with `exports.default`: depending on the bundler's
 * interop the default import is the locale or its module, so take `.default` when it is there.
 */
import type { Locale } from 'antd/es/locale/index.js';
import zhCNImport from 'antd/locale/zh_CN.js';

const imported = zhCNImport as unknown as Locale | { default: Locale };
export const zhCN: Locale = 'default' in imported ? imported.default : imported;
