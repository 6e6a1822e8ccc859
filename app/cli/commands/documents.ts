/**
 * `qbank documents`: the 试题审核备案 submission of a bank (all documents of 附件6 §三 in one folder)
 * and the free-text parts of the 编制说明 and 审核意见 (shown, or set from a JSON file).
 */
import { resolve } from 'node:path';
import { formatSeconds } from '../../domain/format.js';
import type { SubmissionResult } from '../../services/documents/handlers.js';
import { handlers } from '../../services/registry.js';
import { bankOption, outOption, readInput, stringOption, UsageError } from '../command.js';
import { call, groupCommand } from '../group.js';

function resultLines(r: SubmissionResult, cwd: string): string[] {
  return [
    `已生成申报材料 ${r.files.length} 个文件（理论知识 ${r.sets.theory} 套，技能考核 ${r.sets.practical} 套${r.sets.comprehensive > 0 ? `，综合评审 ${r.sets.comprehensive} 套` : ''}，${formatSeconds(r.seconds)} 秒）→ ${resolve(cwd, r.folder)}`,
    ...(r.drafts > 0 ? [`注意：其中 ${r.drafts} 份试卷尚未审定（草稿）`] : []),
    ...(r.incomplete !== '' ? [`发现并清除了上次未完成的输出：${r.incomplete}`] : []),
    ...(r.replaced ? ['已替换该文件夹中上次生成的材料'] : []),
    ...r.files.map((f) => `  ${f.path}\t${f.bytes} 字节`),
    `  ${r.manifest}\t清单（每个文件的大小与 SHA-256）`,
  ];
}

export const documentsCommand = groupCommand(
  'documents',
  '试题审核备案申报材料 (submission documents)',
  [
    {
      name: 'generate',
      usage: 'generate --bank <题库> --out <目录> [--replace]',
      summary: '生成编制说明、细目表、试卷与答案、通知单、评分记录表、名单、审核意见（全部写完才出现；--replace 替换上次生成的完整材料）',
      run: async (ctx, s) =>
        void (await call(
          ctx,
          s,
          handlers['documents.generate'],
          { bankId: bankOption(ctx), outDir: outOption(ctx), replace: ctx.values.replace === true },
          (r) => resultLines(r, ctx.io.cwd),
        )),
    },
    {
      name: 'notes',
      usage: 'notes --bank <题库> [--file 说明.json]',
      summary: '查看（或从 JSON 文件设置）编制依据、开发过程、保密措施、审核意见等文字',
      run: async (ctx, s) => {
        const file = stringOption(ctx, 'file');
        if (file === undefined) {
          await call(ctx, s, handlers['documents.notes.get'], { bankId: bankOption(ctx) }, (n) => [JSON.stringify(n, null, 2)]);
          return;
        }
        let notes: unknown;
        try {
          notes = JSON.parse(Buffer.from(readInput(ctx, file)).toString('utf8'));
        } catch (e) {
          if (e instanceof UsageError) throw e;
          throw new UsageError(`${file} 不是有效的 JSON：${(e as Error).message}`);
        }
        await call(ctx, s, handlers['documents.notes.set'], { bankId: bankOption(ctx), notes }, () => ['已保存']);
      },
    },
  ],
  { bank: { type: 'string' }, out: { type: 'string' }, file: { type: 'string' }, replace: { type: 'boolean' } },
);
