import { usePlatform } from '../../api/platform.ts';

/**
 * A done row's video as a tiny preview. RDG renders only the rows in view, so only those load
 * anything, and `preload="metadata"` fetches just enough for the first frame.
 */
export function OutputThumbnail(props: { attemptId: number; label: string }) {
  const platform = usePlatform();
  return <video className="grid-thumb" src={platform.mediaUrl(props.attemptId)} preload="metadata" muted playsInline aria-label={props.label} />;
}
