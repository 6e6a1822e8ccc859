import { describe, expect, it } from 'vitest';
import { ReaderError } from '../../../../app/readers/errors.js';
import { drawingXml, readDrawing } from '../../../../app/readers/xlsx/drawing.js';

const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

const marker = (p: string, tag: string, col: number, row: number) =>
  `<${p}${tag}><${p}col>${col}</${p}col><${p}colOff>10</${p}colOff><${p}row>${row}</${p}row><${p}rowOff>20</${p}rowOff></${p}${tag}>`;
const pic = (p: string, id: string) => `<${p}pic><${p}blipFill><a:blip xmlns:a="${A}" xmlns:r="${R}" r:embed="${id}"/></${p}blipFill></${p}pic>`;

describe('readers/xlsx/drawing', () => {
  it('reads pictures by namespace: the xdr: prefix of Excel and the default namespace of openpyxl alike', () => {
    const excel = `<xdr:wsDr xmlns:xdr="${XDR}"><xdr:twoCellAnchor>${marker('xdr:', 'from', 8, 1)}${marker('xdr:', 'to', 10, 3)}${pic('xdr:', 'rId1')}<xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`;
    const openpyxl = `<wsDr xmlns="${XDR}"><oneCellAnchor>${marker('', 'from', 9, 2)}<ext cx="285750" cy="190500"/>${pic('', 'rId7')}<clientData/></oneCellAnchor></wsDr>`;
    expect(readDrawing(excel, 'd1')).toEqual([
      { from: { col: 8, colOff: 10, row: 1, rowOff: 20 }, to: { col: 10, colOff: 10, row: 3, rowOff: 20 }, embed: 'rId1' },
    ]);
    expect(readDrawing(openpyxl, 'd2')).toEqual([{ from: { col: 9, colOff: 10, row: 2, rowOff: 20 }, ext: { cx: 285750, cy: 190500 }, embed: 'rId7' }]);
  });

  it('gives the pictures of a group their anchor, and leaves out shapes, absolute anchors and mc:Fallback copies', () => {
    const xml =
      `<xdr:wsDr xmlns:xdr="${XDR}" xmlns:mc="${MC}" xmlns:a="${A}" xmlns:r="${R}">` +
      `<xdr:twoCellAnchor>${marker('xdr:', 'from', 1, 4)}${marker('xdr:', 'to', 3, 6)}<xdr:grpSp>${pic('xdr:', 'rId2')}${pic('xdr:', 'rId3')}</xdr:grpSp></xdr:twoCellAnchor>` +
      `<xdr:oneCellAnchor>${marker('xdr:', 'from', 0, 9)}<xdr:sp><xdr:spPr><a:blipFill><a:blip r:embed="rId4"/></a:blipFill></xdr:spPr></xdr:sp></xdr:oneCellAnchor>` +
      `<xdr:absoluteAnchor><xdr:pos x="0" y="0"/>${pic('xdr:', 'rId5')}</xdr:absoluteAnchor>` +
      `<mc:AlternateContent><mc:Choice Requires="a14"><xdr:oneCellAnchor>${marker('xdr:', 'from', 2, 11)}${pic('xdr:', 'rId6')}</xdr:oneCellAnchor></mc:Choice>` +
      `<mc:Fallback><xdr:oneCellAnchor>${marker('xdr:', 'from', 2, 11)}${pic('xdr:', 'rId6')}</xdr:oneCellAnchor></mc:Fallback></mc:AlternateContent></xdr:wsDr>`;
    expect(readDrawing(xml, 'd').map((p) => [p.embed, p.from.row])).toEqual([
      ['rId2', 4],
      ['rId3', 4],
      ['rId6', 11],
    ]);
  });

  it('refuses a drawing that is not well-formed XML, naming the part', () => {
    expect(() => readDrawing(`<xdr:wsDr xmlns:xdr="${XDR}"><xdr:from></xdr:to></xdr:wsDr>`, 'xl/drawings/drawing3.xml')).toThrow(ReaderError);
    expect(() => readDrawing(`<xdr:wsDr xmlns:xdr="${XDR}"><xdr:from></xdr:to></xdr:wsDr>`, 'xl/drawings/drawing3.xml')).toThrow(/^xl\/drawings\/drawing3\.xml 不是格式正确的 XML/);
  });

  it('writes them back as a drawing that reads the same', () => {
    const pictures = readDrawing(
      `<wsDr xmlns="${XDR}"><oneCellAnchor>${marker('', 'from', 9, 2)}<ext cx="5" cy="6"/>${pic('', 'rId7')}</oneCellAnchor><twoCellAnchor>${marker('', 'from', 1, 1)}${marker('', 'to', 2, 2)}${pic('', 'rId8')}</twoCellAnchor></wsDr>`,
      'd',
    );
    const xml = drawingXml(pictures.map((picture, k) => ({ picture, relId: `rId${k + 1}` })));
    expect(xml).toContain('<xdr:wsDr ');
    expect(readDrawing(xml, 'd')).toEqual(pictures.map((p, k) => ({ ...p, embed: `rId${k + 1}` })));
  });
});
