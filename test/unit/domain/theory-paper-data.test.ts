/** A 理论知识试卷's document data from its items in paper order (services and desktop preview alike). */
import { describe, expect, it } from 'vitest';
import { theoryPaperData } from '../../../app/domain/submission/theory-paper.js';
import type { TheoryItem } from '../../../app/domain/theory-item.js';

const header = { occupationName: '制图员', occupationCode: '3-01-02-07', track: '机械', level: 4 as const, levelName: '四级/中级工', occupationTitle: '制图员（机械）', mark: '机密★启用前', sampleNote: '', institution: '' };
const tf = (stem: string): TheoryItem => ({ type: 'trueFalse', stem, key: true, element: 'A-A-A-001', difficulty: 3, explanation: '', images: [] });

describe('theoryPaperData', () => {
  it('numbers the items 1 … n across the sections, in paper order, with each section’s points', () => {
    const image = { sha256: 'a'.repeat(64), contentType: 'image/png' as const, bytes: new Uint8Array([1]) };
    const data = theoryPaperData({ header, setLabel: '乙', minutes: 90, totalPoints: 4, standardYear: '2019' }, [
      { section: 'trueFalse', points: 1, item: tf('一'), images: [] },
      { section: 'trueFalse', points: 1, item: tf('二'), images: [image] },
      { section: 'multipleChoice', points: 2, item: tf('三'), images: [] },
    ]);
    expect(data.sections.map((s) => [s.type, s.pointsEach, s.items.map((i) => [i.number, i.item.stem])])).toEqual([
      ['trueFalse', 1, [[1, '一'], [2, '二']]],
      ['multipleChoice', 2, [[3, '三']]],
    ]);
    expect(data.sections[0]?.items[1]?.images).toEqual([image]);
    expect(data).toMatchObject({ setLabel: '乙', minutes: 90, totalPoints: 4, sealLine: true, standardYear: '2019', paperCode: '3-01-02-07-4-L-乙' });
  });

  it('gives a paper without items no sections', () => {
    expect(theoryPaperData({ header, setLabel: '甲', minutes: 90, totalPoints: 0, standardYear: '' }, []).sections).toEqual([]);
  });
});
