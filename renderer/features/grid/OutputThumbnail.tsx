import { usePoster } from '../../media/usePoster.ts';

/**
 * A done row's video as a still (see PosterStore for why not a live video). Until the still is
 * made, and if the video cannot be read, an empty frame of the same size holds its place.
 */
export function OutputThumbnail(props: { attemptId: number; label: string }) {
  const poster = usePoster(props.attemptId);
  if (poster === undefined || poster === 'failed') return <span className="grid-thumb" role="img" aria-label={props.label} data-poster={poster ?? 'pending'} />;
  return <img className="grid-thumb" src={poster} alt={props.label} data-poster="ready" />;
}
