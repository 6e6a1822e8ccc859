/**
 * The figures of the sample bank's practical tasks (制图员 四级), drawn in code: for a drawing occupation
 * the drawing is the task. One SVG per task of sample/practical.json, its `title` the task's title.
 * Pure: strings in, strings out; rendering to PNG is the readers' job (app/readers/svg/rasterise.ts).
 */
import { baseDrawing } from './base.js';
import { bearingDrawing } from './bearing.js';
import { bracketDrawing } from './bracket.js';
import { flangeDrawing } from './flange.js';
import { glandDrawing } from './gland.js';
import { pumpCoverDrawing } from './pump-cover.js';
import { pumpSetDrawing, reducerSetDrawing, viceSetDrawing } from './sets.js';

export interface SampleDrawing {
  /** The practical task's title in practical.json. */
  readonly title: string;
  /** A short Chinese caption for the figure. */
  readonly caption: string;
  readonly svg: string;
}

export function sampleDrawings(): readonly SampleDrawing[] {
  return [
    { title: '绘制轴承座零件图', caption: '轴承座正等轴测图', svg: bearingDrawing() },
    { title: '绘制齿轮油泵泵盖零件图', caption: '泵盖正等轴测图（局部剖切）', svg: pumpCoverDrawing() },
    { title: '绘制支架零件图', caption: '支架正等轴测图', svg: bracketDrawing() },
    { title: '绘制法兰盘三维实体图', caption: '法兰盘两视图', svg: flangeDrawing() },
    { title: '绘制填料压盖三维实体图', caption: '填料压盖两视图', svg: glandDrawing() },
    { title: '绘制底座三维实体图', caption: '底座三视图', svg: baseDrawing() },
    { title: '减速器图样折叠与装订', caption: '减速器复制图一套', svg: reducerSetDrawing() },
    { title: '齿轮油泵图样编号与登记', caption: '齿轮油泵复制图与明细栏', svg: pumpSetDrawing() },
    { title: '机用虎钳图样折叠与归档', caption: '机用虎钳复制图一套', svg: viceSetDrawing() },
  ];
}
