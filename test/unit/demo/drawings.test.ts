import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleDrawings } from '../../../app/demo/drawings/index.js';
import { rasteriseSvg } from '../../../app/readers/svg/rasterise.js';
import { darkPixels } from '../readers/svg/png-pixels.js';

const root = join(import.meta.dirname, '..', '..', '..');
const practical = JSON.parse(readFileSync(join(root, 'app/demo/sample/practical.json'), 'utf8')) as {
  tasks: { module: string; title: string; figureNote: string }[];
};

/** Dimension numbers and notes each figure must carry, all read from its task's figureNote. */
const DIMENSIONS: Readonly<Record<string, readonly string[]>> = {
  绘制轴承座零件图: ['150', '44', '15', '70', '3', '2×φ13', '110', 'φ60', 'φ35H8', '50', '6', '12', '10', 'φ20', '108', 'M10'],
  绘制齿轮油泵泵盖零件图: ['R38', '35±0.02', '12', 'R18', '20', '2×φ15H7', '6×φ6.6', '沉孔φ11深6.8', 'R28', '2×φ5 与泵体配作'],
  绘制支架零件图: ['80', '90', '14', '2×φ11', '70', '40', '2', 'φ42', '50', 'φ25H8', '72', '10', '8', 'φ18', '28', 'M8'],
  绘制法兰盘三维实体图: ['φ130', '16', 'φ70', '40', 'C2', 'φ45', 'φ80', '3', '4×φ13', 'φ100'],
  绘制填料压盖三维实体图: ['12', 'φ60', 'R18', '100', '2×φ16', 'φ40', '8', 'φ46', '28', 'C1.5', 'φ30', '48'],
  绘制底座三维实体图: ['110', '70', '14', '4×R10', '4×φ12', '80', '40', 'φ46', '56', 'φ28', 'φ36', '6', '8', '45'],
  减速器图样折叠与装订: ['JSQ-00', 'JSQ-01', 'JSQ-02', 'JSQ-03', 'JSQ-04', 'JSQ-05', '减速器装配图', '箱座', '箱盖', '输出轴', '大齿轮', '轴承端盖', '封面', '图样目录'],
  齿轮油泵图样编号与登记: ['泵体', '泵盖', '垫片', '主动齿轮轴', '从动齿轮轴', '轴套', '压紧螺母', '传动齿轮', '螺钉 M6×20', 'GB/T 70.1', '销 5 m6×20', 'GB/T 119.1', '键 5×5×12', 'GB/T 1096', '垫圈 12', 'GB/T 97.1', '螺母 M12', 'GB/T 6170'],
  机用虎钳图样折叠与归档: ['JQ-00', 'JQ-01', 'JQ-02', 'JQ-03', 'JQ-04', 'JQ-05', 'JQ-06', '机用虎钳装配图', '固定钳身', '活动钳身', '螺杆', '钳口板', '方块螺母', '螺钉'],
};

/** The texts of an SVG's <text> elements, unescaped. */
function texts(svg: string): string[] {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) =>
    (m[1] ?? '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'),
  );
}

describe('demo/drawings', () => {
  const drawings = sampleDrawings();

  it('draws one figure per practical task, titled as the task, with a Chinese caption', () => {
    expect(drawings.map((d) => d.title)).toEqual(practical.tasks.map((t) => t.title));
    for (const d of drawings) expect(d.caption).toMatch(/^[\u4e00-\u9fff（）]+$/);
  });

  it('is pure: the same drawings every time', () => {
    expect(sampleDrawings().map((d) => d.svg)).toEqual(drawings.map((d) => d.svg));
  });

  it('gives each sheet a frame and a title block (名称, 比例, 图号, 材料)', () => {
    for (const d of drawings) {
      expect(d.svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(297|420|210)mm"/);
      expect(d.svg).toContain('class="title-block"');
      const words = texts(d.svg);
      for (const label of ['比例', '图号', '材料', '制图', '审核']) expect(words, `${d.title}: ${label}`).toContain(label);
    }
  });

  it('names the part and its material as the figureNote does', () => {
    const expected: Readonly<Record<string, readonly [string, string]>> = {
      绘制轴承座零件图: ['轴承座', 'HT200'],
      绘制齿轮油泵泵盖零件图: ['泵盖', 'HT200'],
      绘制支架零件图: ['支架', 'HT150'],
      绘制法兰盘三维实体图: ['法兰盘', 'HT200'],
      绘制填料压盖三维实体图: ['填料压盖', 'HT150'],
      绘制底座三维实体图: ['底座', 'HT200'],
    };
    for (const [title, [name, material]] of Object.entries(expected)) {
      const task = practical.tasks.find((t) => t.title === title);
      expect(task?.figureNote).toContain(material);
      const words = texts(drawings.find((d) => d.title === title)?.svg ?? '');
      expect(words).toContain(name);
      expect(words).toContain(material);
    }
  });

  it('carries the dimensions and notes of each figureNote', () => {
    for (const d of drawings) {
      const words = texts(d.svg);
      for (const dimension of DIMENSIONS[d.title] ?? ['missing']) expect(words, `${d.title}: ${dimension}`).toContain(dimension);
    }
    // The dimension values are those of the figureNote (digits of φ35H8, R38, JSQ-03 …).
    for (const task of practical.tasks.filter((t) => t.module !== 'C')) {
      for (const dimension of DIMENSIONS[task.title] ?? []) {
        const core = /\d+(\.\d+)?/.exec(dimension)?.[0] ?? '';
        expect(task.figureNote, `${task.title}: ${dimension}`).toContain(core);
      }
    }
  });

  it.each(drawings.map((d) => [d.title, d] as const))('rasterises %s to a PNG with a reasonable amount of ink', async (_title, d) => {
    const out = await rasteriseSvg(d.svg, { widthPx: 1000 });
    const share = darkPixels(out.png) / (out.width * out.height);
    expect(out.width).toBe(1000);
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.2);
  });

  it('keeps to itself: the drawings import only each other', () => {
    const folder = join(root, 'app/demo/drawings');
    for (const file of readdirSync(folder).filter((f) => f.endsWith('.ts'))) {
      const source = readFileSync(join(folder, file), 'utf8');
      for (const m of source.matchAll(/^import [^;]* from '([^']+)';/gm)) expect(m[1], file).toMatch(/^\.\/[\w-]+\.js$/);
    }
  });
});
