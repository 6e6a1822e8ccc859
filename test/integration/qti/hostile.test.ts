import { describe, expect, it } from 'vitest';
import { invoke } from '../../../app/services/handler.js';
import { qtiHandlers } from '../../../app/services/qti/handlers.js';
import { useWorkstation, type TestWorkstation } from '../../helpers/workstation.js';
import { foreignItem, foreignManifest, png, qtiBank, zipOf } from './fixtures.js';

const good = () => foreignItem({ id: 'ok', stem: '合法的判断题', choices: ['正确', '错误'] });
const ENTITY_ITEM = `<?xml version="1.0"?>
<!DOCTYPE assessmentItem [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="x" title="&lol2;" adaptive="false" timeDependent="false"/>`;

/** Sets the declared (uncompressed) size of every central directory record to `size`. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(zip);
  const view = new DataView(out.buffer);
  for (let at = 0; at + 46 <= out.byteLength; at++) if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, size, true);
  return out;
}

function stored(ws: TestWorkstation): { items: number; images: number } {
  return {
    items: ws.db.prepare('SELECT COUNT(*) FROM items').pluck().get() as number,
    images: ws.db.prepare('SELECT COUNT(*) FROM images').pluck().get() as number,
  };
}

describe('QTI import of hostile packages', () => {
  const workstation = useWorkstation();

  const cases: [string, () => Promise<Uint8Array>, RegExp][] = [
    ['not a zip', () => Promise.resolve(new TextEncoder().encode('<manifest/> 这不是压缩包'.repeat(10))), /不是有效的 QTI 试题包/],
    [
      'an entry that inflates a hundredfold (zip bomb)',
      () => zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }]), 'ok.xml': good(), 'pad.bin': new Uint8Array(4 * 1024 * 1024) }),
      /压缩比（疑似压缩炸弹）超过上限/,
    ],
    [
      'declared entry sizes beyond the bounds',
      async () => declareSize(await zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }]), 'ok.xml': good() }), 0x7fff0000),
      /解压后的大小超过上限/,
    ],
    [
      'a DOCTYPE with entities in an item',
      () => zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }, { href: 'evil.xml' }]), 'ok.xml': good(), 'evil.xml': ENTITY_ITEM }),
      /evil\.xml 含有文档类型声明或实体定义（DOCTYPE\/ENTITY）/,
    ],
    [
      'an external entity in the manifest',
      () =>
        zipOf({
          'imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }]).replace('<manifest', '<!DOCTYPE manifest [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<manifest'),
          'ok.xml': good(),
        }),
      /imsmanifest\.xml 含有文档类型声明或实体定义/,
    ],
    ['no imsmanifest.xml', () => zipOf({ 'ok.xml': good(), 'img.png': png(2, 2, [1, 2, 3]) }), /没有 imsmanifest\.xml/],
    ['a manifest in a subfolder only', () => zipOf({ 'sub/imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }]), 'sub/ok.xml': good() }), /没有 imsmanifest\.xml/],
    [
      'a manifest pointing outside the package with ../',
      () => zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }, { href: '../../etc/passwd' }]), 'ok.xml': good() }),
      /引用了包外的文件 \.\.\/\.\.\/etc\/passwd/,
    ],
    [
      'a file entry pointing outside the package',
      () => zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml', files: ['items/../../secret.png'] }]), 'ok.xml': good() }),
      /引用了包外的文件/,
    ],
    ['a manifest that is no XML', () => zipOf({ 'imsmanifest.xml': '<manifest><resources>', 'ok.xml': good() }), /imsmanifest\.xml 不是格式正确的 XML/],
    ['a manifest without items', () => zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml', type: 'webcontent' }]), 'ok.xml': good() }), /没有任何 QTI 试题资源/],
  ];

  it.each(cases)('refuses %s with a Chinese message and stores nothing', async (_name, make, reason) => {
    const ws = workstation();
    const { ctx, bankId } = await qtiBank(ws);
    const before = stored(ws);
    const bytes = await make();
    const call = invoke(ctx, qtiHandlers['qti.import'], { bankId, fileName: 'hostile.zip', bytes });
    await expect(call).rejects.toThrow(/^QTI 试题包未导入：/);
    await expect(invoke(ctx, qtiHandlers['qti.import'], { bankId, bytes })).rejects.toThrow(reason);
    expect(stored(ws)).toEqual(before);
    // the refusal is in the access log
    const rows = ws.db.prepare(`SELECT result FROM audit_log WHERE action = 'qti.import'`).pluck().all();
    expect(rows).toEqual(['error', 'error']);
  });

  it('the same package without the hostile part imports (the fixtures are otherwise valid)', async () => {
    const ws = workstation();
    const { ctx, bankId } = await qtiBank(ws);
    const bytes = await zipOf({ 'imsmanifest.xml': foreignManifest([{ href: 'ok.xml' }]), 'ok.xml': good() });
    const report = await invoke(ctx, qtiHandlers['qti.import'], { bankId, bytes });
    expect(report.ids).toHaveLength(1);
    expect(stored(ws).items).toBe(1);
  });
});
