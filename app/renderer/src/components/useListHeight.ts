/** Height for a virtualised list that fills the window below `reserved` pixels (at least 320), following resizes. */
import { useEffect, useState } from 'react';

export function useListHeight(reserved: number): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const update = () => setHeight(window.innerHeight);
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, []);
  return Math.max(320, height - reserved);
}
