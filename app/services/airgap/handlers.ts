/**
 * The air-gap check (规程第十一条: a dedicated machine, physically disconnected, no wireless devices;
 * 第十二条: no removable storage): run when the GUI starts and every ten minutes while it runs, by
 * `qbank airgap`, and before every export, backup and transfer. Findings are logged; by default they
 * are a blocking warning the user must acknowledge, and the 安全保密管理员 may make them refuse the
 * work instead (`airgap.policy.set`, 权限 register).
 */
import { z } from 'zod';
import { checkAirGap, systemAirGapView, type AirGapReport, type AirGapView } from '../../../media/air-gap.js';
import { getSetting, setSetting } from '../../store/repositories/settings.js';
import { recordAudit } from '../audit/record.js';
import type { ServiceContext } from '../context.js';
import { PermissionDeniedError } from '../errors.js';
import { defineHandler, handlerMap } from '../handler.js';
import { airGapMessages as m } from './messages.js';

export const AIRGAP_MODE = 'airgap.mode';
export type AirGapMode = 'warn' | 'refuse';

let view: AirGapView = systemAirGapView;

/** Tests replace the system view (network interfaces, Bluetooth, input devices, mounts). */
export function useAirGapView(next: AirGapView | null): void {
  view = next ?? systemAirGapView;
}

export function airGapMode(ctx: ServiceContext): AirGapMode {
  return getSetting(ctx.db, AIRGAP_MODE) === 'refuse' ? 'refuse' : 'warn';
}

export interface AirGapStatus extends AirGapReport {
  readonly mode: AirGapMode;
  /** One line per finding, for a banner or the CLI. */
  readonly summary: string;
}

function status(ctx: ServiceContext): AirGapStatus {
  const report = checkAirGap(view);
  const summary = report.ok ? (report.verifiable ? m.clean : m.unverifiable) : report.findings.map((f) => f.message).join('；');
  return { ...report, mode: airGapMode(ctx), summary };
}

/**
 * Before an export: the check, logged; in refuse mode a finding stops the work (logged in 拒绝).
 * Returns the findings as warnings otherwise.
 */
export function requireAirGap(ctx: ServiceContext, what: string): string[] {
  const s = status(ctx);
  if (s.ok) return [];
  const warnings = s.findings.map((f) => f.message);
  if (s.mode === 'refuse' && s.findings.some((f) => f.kind !== 'unverifiable')) {
    recordAudit(ctx, { action: 'airgap.check', register: '拒绝', objects: [], result: 'refused', detail: m.refused(what, s.summary) });
    // a refusal by policy: the handler logs it in the 拒绝 register with its own row (this one rolls
    // back with a transactional handler's work)
    throw new PermissionDeniedError(m.refused(what, s.summary));
  }
  recordAudit(ctx, { action: 'airgap.check', register: '', objects: [], result: 'ok', detail: m.warned(what, s.summary) });
  return warnings;
}

export const airGapHandlers = handlerMap(
  defineHandler({
    name: 'airgap.check',
    summary: '检查物理隔离（网络、无线、蓝牙、移动存储）',
    input: z.object({ reason: z.enum(['start', 'periodic', 'manual']).default('manual') }).strict(),
    roles: 'any',
    register: '',
    // the GUI checks every ten minutes: that is not the user at work, so it must not hold off the idle lock
    background: true,
    detail: (i, out: AirGapStatus) => `${m.reasons[i.reason]}：${out.summary}`.slice(0, 400),
    run: (ctx): AirGapStatus => status(ctx),
  }),
  defineHandler({
    name: 'airgap.policy.get',
    summary: '查看物理隔离检查的处理方式',
    input: z.object({}).strict(),
    roles: ['secadmin', 'auditor', 'sysadmin'],
    register: '',
    run: (ctx): { mode: AirGapMode } => ({ mode: airGapMode(ctx) }),
  }),
  defineHandler({
    name: 'airgap.policy.set',
    summary: '设置物理隔离检查的处理方式',
    input: z.object({ mode: z.enum(['warn', 'refuse']) }).strict(),
    roles: ['secadmin'],
    register: '权限',
    detail: (i) => m.modeNames[i.mode],
    run: (ctx, input): { mode: AirGapMode } => {
      setSetting(ctx.db, AIRGAP_MODE, input.mode);
      return { mode: input.mode };
    },
  }),
);
