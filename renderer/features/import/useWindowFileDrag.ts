import { useEffect, useState } from 'react';

/** True while files (not text or a link) are being dragged over the window. */
export function useWindowFileDrag(): [boolean, (dragging: boolean) => void] {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    const onEnter = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) setDragging(true);
    };
    // A drag cancelled with Escape, or ending outside the window, gives no drop here.
    const onEnd = () => setDragging(false);
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragend', onEnd);
    window.addEventListener('blur', onEnd);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragend', onEnd);
      window.removeEventListener('blur', onEnd);
    };
  }, []);
  return [dragging, setDragging];
}
