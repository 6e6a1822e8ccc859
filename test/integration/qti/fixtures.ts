/** Helpers of the QTI integration tests: a bank with the sample 细目表, tiny PNGs, zips of given files (xmllint and the XML tree: xml-tree.ts). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import JSZip from 'jszip';
import { SAMPLE_FILE_NAMES, SAMPLE_FILES } from '../../../app/demo/sample-bank.js';
import type { ServiceContext } from '../../../app/services/context.js';
import { invoke } from '../../../app/services/handler.js';
import { handlers } from '../../../app/services/registry.js';
import type { TestWorkstation } from '../../helpers/workstation.js';

/** A bank 制图员 四级 (sample, so items may be added as 入库) with the sample 细目表. */
export async function qtiBank(ws: TestWorkstation, username = 'boss'): Promise<{ ctx: ServiceContext; bankId: number }> {
  const ctx = ws.as(username, ['manager']);
  const bank = await invoke(ctx, handlers['banks.create'], { occupationCode: '3-01-02-07', track: '机械', level: 4, isSample: true });
  const table = new Uint8Array(readFileSync(join(SAMPLE_FILES, SAMPLE_FILE_NAMES.elementTable)));
  await invoke(ctx, handlers['banks.importElementTable'], { bankId: bank.id, bytes: table });
  return { ctx, bankId: bank.id };
}

/** A real PNG of `width`×`height` pixels of one colour (IHDR, one IDAT, IEND). */
export function png(width: number, height: number, rgb: readonly [number, number, number]): Uint8Array {
  const chunk = (type: string, data: Uint8Array) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.byteLength, 0);
    head.write(type, 4, 'latin1');
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
    return Buffer.concat([head, data, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.from([0, ...Array.from({ length: width }, () => rgb).flat()]);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return new Uint8Array(Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]));
}

/** A zip of the given files (names as given, in that order). */
export async function zipOf(files: Readonly<Record<string, string | Uint8Array>>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(files)) zip.file(name, data, { createFolders: false });
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Every entry of a zip as bytes, by name. */
export async function unzip(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Uint8Array>();
  for (const name of Object.keys(zip.files)) out.set(name, await zip.file(name)!.async('uint8array'));
  return out;
}

export { find, only, parseTree, xmllint, type XmlNode } from '../../unit/domain/qti/xml-tree.js';

const QTI = 'http://www.imsglobal.org/xsd/imsqti_v2p1';
const MATCH = '<responseProcessing template="http://www.imsglobal.org/question/qti_v2p1/rptemplates/match_correct"/>';

/** A choice item as another system writes it (TAO-like layout: divs, prompt inside the interaction). */
export function foreignItem(o: { id: string; stem: string; choices: readonly string[]; correct?: readonly string[] | null; cardinality?: string; body?: string; interaction?: string }): string {
  const correct = o.correct === null ? '' : `<correctResponse>${(o.correct ?? ['choice_1']).map((v) => `<value>${v}</value>`).join('')}</correctResponse>`;
  const choices = o.choices.map((t, k) => `          <simpleChoice identifier="choice_${String(k + 1)}" fixed="false">${t}</simpleChoice>`).join('\n');
  const interaction =
    o.interaction ??
    `<choiceInteraction responseIdentifier="RESPONSE" shuffle="false" maxChoices="${o.cardinality === 'multiple' ? '0' : '1'}">
          <prompt>${o.stem}</prompt>
${choices}
        </choiceInteraction>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<assessmentItem xmlns="${QTI}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" identifier="${o.id}" title="${o.id}" adaptive="false" timeDependent="false" toolName="TAO" toolVersion="3.3">
  <responseDeclaration identifier="RESPONSE" cardinality="${o.cardinality ?? 'single'}" baseType="identifier">${correct}</responseDeclaration>
  <outcomeDeclaration identifier="SCORE" cardinality="single" baseType="float"/>
  <itemBody>
    <div class="grid-row">
      <div class="col-12">${o.body ?? ''}
        ${interaction}
      </div>
    </div>
  </itemBody>
  ${MATCH}
</assessmentItem>
`;
}

/** A manifest listing item files (and other resources) as another system writes it. */
export function foreignManifest(resources: readonly { href: string; type?: string; files?: readonly string[]; metadata?: string }[]): string {
  const res = resources
    .map((r, k) => {
      const files = [r.href, ...(r.files ?? [])].map((f) => `<file href="${f}"/>`).join('');
      return `<resource identifier="r${String(k)}" type="${r.type ?? 'imsqti_item_xmlv2p1'}" href="${r.href}">${r.metadata ?? ''}${files}</resource>`;
    })
    .join('\n    ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:imsmd="http://ltsc.ieee.org/xsd/LOM" identifier="MANIFEST-1">
  <organizations/>
  <resources>
    ${res}
  </resources>
</manifest>
`;
}
