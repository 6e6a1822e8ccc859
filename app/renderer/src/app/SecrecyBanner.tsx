/** The persistent banner at the top of every screen: the highest mark of what is on screen. */
import { shellText } from './text.js';
import { useHighestMark } from './secrecy.js';

export function SecrecyBanner() {
  const mark = useHighestMark();
  return (
    <div
      data-testid="secrecy-banner"
      data-mark={mark ?? ''}
      role="status"
      style={{
        padding: '4px 16px',
        textAlign: 'center',
        fontWeight: 600,
        color: mark ? '#fff' : '#595959',
        background: mark ? '#a8071a' : '#f0f0f0',
        letterSpacing: 1,
      }}
    >
      {mark ? `${mark}★  ${shellText.banner.shows(mark)}` : shellText.banner.none}
    </div>
  );
}
