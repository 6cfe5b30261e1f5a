import { useRef, useState } from 'react';
import type { GalleryItem, Pick } from '../../../shared/contract/reviewSchemas.ts';
import { usePlatform } from '../../api/platform.ts';
import { useT } from '../../i18n/useT.ts';
import { PickButtons } from '../detail/PickButtons.tsx';

const EXCERPT_CHARS = 140;

/**
 * One finished video. Hovering plays it muted as a preview; the play button (or a click on the
 * video) plays it with sound, and is the keyboard's way in.
 */
export function GalleryCard(props: { item: GalleryItem; busy: boolean; onPick: (pick: Pick | null) => void }) {
  const t = useT();
  const platform = usePlatform();
  const video = useRef<HTMLVideoElement>(null);
  // Playing with sound, started by the creator (a hover preview is muted and does not count).
  const [audible, setAudible] = useState(false);
  const { item } = props;
  const label = t('review.gallery.cardLabel', { row: item.rowNumber, take: item.take });
  const excerpt = item.prompt.length > EXCERPT_CHARS ? `${item.prompt.slice(0, EXCERPT_CHARS)}…` : item.prompt;

  function play(withSound: boolean) {
    const element = video.current;
    if (!element) return;
    element.muted = !withSound;
    setAudible(withSound);
    // play() rejects when a pause interrupts it (the pointer left quickly); that is not an error.
    element.play().catch(() => undefined);
  }
  function toggle() {
    const element = video.current;
    if (!element) return;
    if (element.paused || element.muted) play(true);
    else element.pause();
  }

  return (
    <article className={`gallery-card pick-state-${item.pick ?? 'none'}`} data-testid="gallery-card" data-attempt-id={item.attemptId} aria-label={label}>
      <div
        className="gallery-media"
        onMouseEnter={() => {
          if (video.current?.paused) play(false);
        }}
        onMouseLeave={() => {
          if (video.current?.muted) video.current.pause();
        }}
      >
        <video
          ref={video}
          className="gallery-video"
          preload="metadata"
          muted
          loop
          playsInline
          src={platform.mediaUrl(item.attemptId)}
          onClick={toggle}
          onPause={() => setAudible(false)}
          data-testid={`gallery-video-${item.attemptId}`}
        />
        <button
          type="button"
          className="gallery-play"
          aria-pressed={audible}
          aria-label={audible ? t('review.gallery.pause', { label }) : t('review.gallery.play', { label })}
          data-testid={`gallery-play-${item.attemptId}`}
          onClick={toggle}
        >
          <span aria-hidden="true">{audible ? '❚❚' : '▶'}</span>
        </button>
      </div>
      <div className="gallery-meta">
        <span className="gallery-title">{label}</span>
        <span className="muted small">{item.model}</span>
      </div>
      <p className="gallery-prompt" title={item.prompt}>
        {excerpt}
      </p>
      <PickButtons attemptId={item.attemptId} pick={item.pick} busy={props.busy} onChange={props.onPick} />
    </article>
  );
}
