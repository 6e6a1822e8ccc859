/**
 * `qbank import`: items from the xlsx template or Word documents, with a dry run. The exit code says
 * whether the import is (or, for a dry run, would be) refused: 1 then, with one line on stderr, in text
 * and `--json` mode alike (importRefused, app/services/import/report.ts); the report lists the problems
 * and the quality lint findings one per line.
 */
import { basename } from 'node:path';
import { severityNames } from '../../domain/lint/messages.js';
import { IMPORT_MAX_BYTES } from '../../services/import/file-bounds.js';
import { ImportRejectedError, type ImportPreview, type ImportReport } from '../../services/import/handlers.js';
import { importRefused, type ImportLintFinding } from '../../services/import/report.js';
import { handlers } from '../../services/registry.js';
import { bankOption, readInput, stringOption, UsageError, type CommandContext } from '../command.js';
import { AUTH_HELP, arg, call, implied, single } from '../group.js';
import { importText } from '../messages/import.js';
import { toolsText } from '../messages/tools.js';

/** The lint findings grouped by rule (in order of first appearance), one line each with its row. */
function lintLines(findings: readonly ImportLintFinding[]): string[] {
  const byRule = new Map<string, ImportLintFinding[]>();
  for (const f of findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
  return [
    ...(findings.length > 0 ? [importText.importLintHeader] : []),
    ...[...byRule.values()].flatMap((group) => [
      importText.importLintRule(group[0]?.title ?? '', group[0]?.rule ?? '', group.length),
      ...group.map((f) => importText.importLintFinding(f.where, severityNames[f.severity], f.field, f.message)),
    ]),
  ];
}

function reportLines(r: ImportReport): string[] {
  const suggestion = (s: NonNullable<ImportPreview['suggestion']>) => importText.importSuggestion(s, s.runnerUp);
  return [
    importText.importReport(importText.importOutcome(r.dryRun, r.saved), r.file, r.rows, r.accepted, r.rejected, r.skipped, r.lintFindings),
    ...(r.unbound > 0 ? [importText.importUnbound(r.unbound, r.dryRun)] : []),
    ...r.duplicates.map((d) => importText.importDuplicate(d.kind === 'exact', d.where, d.against, d.score, d.decision)),
    ...r.problems,
    ...r.warnings.map((w) => toolsText.warning(w)),
    ...lintLines(r.lint),
    // A dry run shows what was read per row; a real one the suggested 鉴定点 of each 待归类 item saved.
    ...(r.dryRun && r.preview.length > 0
      ? [
          importText.importPreviewHeader(r.preview.length, r.rows),
          ...r.preview.map(
            (p) =>
              p.kind === 'theory'
                ? importText.importPreview(p.where, p.type, p.stem, p.options, p.key, p.difficulty, p.element, p.status) + (p.suggestion ? suggestion(p.suggestion) : '')
                : importText.importPreviewTask(p.where, p.type, p.stem, p.element, p.status),
          ),
        ]
      : []),
    ...(!r.dryRun && r.saved ? r.suggestions.map((s) => importText.importSuggested(s.where, s.itemId) + suggestion(s)) : []),
  ];
}

/** `--default-difficulty 3 --default-element A-B-001`: what the rows that lack them get. */
function importDefaults(ctx: CommandContext): { difficulty?: number; element?: string } {
  const difficulty = stringOption(ctx, 'default-difficulty');
  const element = stringOption(ctx, 'default-element');
  if (difficulty !== undefined && !/^[1-5]$/.test(difficulty.trim())) throw new UsageError(importText.badDefaultDifficulty(difficulty));
  return { ...(difficulty !== undefined ? { difficulty: Number(difficulty) } : {}), ...(element !== undefined ? { element } : {}) };
}

/** Why a dry run would be refused, for its line on stderr. */
function dryRunVerdict(r: ImportReport): string {
  const pending = r.duplicates.some((d) => d.decision === 'pending');
  return importText.dryRunRefused(r.rows === 0 && r.problems.length > 0, r.rejected, pending, r.rows);
}

const command = implied(
  single(
    'import',
    importText.importSummary,
    importText.importUsage,
    async (ctx, s, args) => {
      const file = arg(args, 0, toolsText.file);
      const input = {
        bankId: bankOption(ctx),
        fileName: basename(file),
        bytes: readInput(ctx, file, IMPORT_MAX_BYTES),
        dryRun: ctx.values['dry-run'] === true,
        validOnly: ctx.values['valid-only'] === true,
        nearDuplicates: ctx.values['skip-near'] === true ? 'skip' : ctx.values['keep-near'] === true ? 'keep' : 'ask',
        ...(stringOption(ctx, 'threshold') ? { threshold: Number(stringOption(ctx, 'threshold')) } : {}),
        defaults: importDefaults(ctx),
      };
      try {
        const report = await call(ctx, s, handlers['import.items'], input, reportLines);
        // A dry run exits as the real import would: 1 when it would be refused.
        if (!importRefused(report)) return 0;
        ctx.io.err(`qbank: ${dryRunVerdict(report)}\n`);
        return 1;
      } catch (e) {
        if (!(e instanceof ImportRejectedError)) throw e;
        ctx.io.out(ctx.values.json === true ? `${JSON.stringify(e.report, null, 2)}\n` : reportLines(e.report).map((l) => `${l}\n`).join(''));
        ctx.io.err(`qbank: ${importText.importRejected}\n`);
        return 1;
      }
    },
    {
      bank: { type: 'string' },
      'dry-run': { type: 'boolean' },
      'valid-only': { type: 'boolean' },
      'skip-near': { type: 'boolean' },
      'keep-near': { type: 'boolean' },
      threshold: { type: 'string' },
      'default-difficulty': { type: 'string' },
      'default-element': { type: 'string' },
    },
  ),
);


/** The help names the exit codes and what a dry run checks. */
export const importCommand = { ...command, help: command.help.replace(AUTH_HELP, `${importText.importHelp}\n\n${AUTH_HELP}`) };
