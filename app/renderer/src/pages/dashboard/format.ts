/** Shared formatting of the dashboard and the admin screens: a stored ISO time in the local calendar. */

/** `2026/11/23 16:00:00` (local time of the workstation). */
export function localTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('zh-CN', { hour12: false });
}
