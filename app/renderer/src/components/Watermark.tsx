/**
 * A screen watermark: the user's name, the time and the workstation id, tiled diagonally over the
 * whole window, above the content and transparent to the mouse. Drawn on a canvas into a data: URL
 * (the CSP allows data: images) and set through the style object (CSSOM, allowed without
 * 'unsafe-inline'). The time is refreshed every minute.
 */
import { useEffect, useMemo, useState } from 'react';

const FONT = '15px "Noto Sans CJK SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif';
const ANGLE = Math.PI / 9;

function tile(text: string): string {
  const canvas = document.createElement('canvas');
  const g = canvas.getContext('2d');
  if (!g) return '';
  // the tile is as wide as the rotated text (plus a gap), so no tile cuts its text off
  g.font = FONT;
  const w = g.measureText(text).width;
  const tileW = Math.ceil(w * Math.cos(ANGLE) + 80);
  const tileH = Math.ceil(w * Math.sin(ANGLE) + 90);
  const ratio = window.devicePixelRatio || 1;
  canvas.width = tileW * ratio;
  canvas.height = tileH * ratio;
  g.scale(ratio, ratio);
  g.translate(tileW / 2, tileH / 2);
  g.rotate(-ANGLE);
  g.font = FONT;
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
