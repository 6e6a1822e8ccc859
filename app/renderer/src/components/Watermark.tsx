/**
 * A screen watermark: the user's name, the time and the workstation id, tiled diagonally over the
 * whole window, above the content and transparent to the mouse. Drawn on a canvas into a data: URL
 * (the CSP allows data: images) and set through the style object (CSSOM, allowed without
 * 'unsafe-inline'). The time is refreshed every minute.
 */
import { useEffect, useMemo, useState } from 'react';

const TILE_W = 360;
const TILE_H = 200;

function tile(text: string): string {
  const canvas = document.createElement('canvas');
  const ratio = window.devicePixelRatio || 1;
  canvas.width = TILE_W * ratio;
  canvas.height = TILE_H * ratio;
  const g = canvas.getContext('2d');
  if (!g) return '';
  g.scale(ratio, ratio);
  g.translate(TILE_W / 2, TILE_H / 2);
  g.rotate(-Math.PI / 9);
  g.font = '15px "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif';
  g.fillStyle = 'rgba(120, 120, 120, 0.16)';
  g.textAlign = 'center';
  g.textBaseline = 'middle';
  g.fillText(text, 0, 0);
  return canvas.toDataURL('image/png');
}

function minuteText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function Watermark(props: { text: (time: string) => string }) {
  const [now, setNow] = useState(() => minuteText(new Date()));
  useEffect(() => {
    const timer = window.setInterval(() => setNow(minuteText(new Date())), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  const label = props.text(now);
  const url = useMemo(() => tile(label), [label]);
  return (
    <div
      className="qb-watermark"
      data-testid="watermark"
      data-text={label}
      aria-hidden="true"
      style={{ position: 'fixed', inset: 0, pointerEvents: 'none', zIndex: 2000, backgroundImage: `url(${url})`, backgroundRepeat: 'repeat' }}
    />
  );
}
