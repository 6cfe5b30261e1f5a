import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** The tiny real MP4s the simulator serves (made by scripts/make-sample-videos.sh). */
export interface SampleVideo {
  bytes: Buffer;
  etag: string;
}

const files = {
  landscape: new URL('./media/landscape.mp4', import.meta.url),
  portrait: new URL('./media/portrait.mp4', import.meta.url),
  square: new URL('./media/square.mp4', import.meta.url),
};

let loaded: Record<keyof typeof files, SampleVideo> | undefined;

function load(): Record<keyof typeof files, SampleVideo> {
  loaded ??= Object.fromEntries(
    Object.entries(files).map(([name, url]) => {
      const bytes = readFileSync(url);
      return [name, { bytes, etag: `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"` }];
    }),
  ) as Record<keyof typeof files, SampleVideo>;
  return loaded;
}

/** The sample whose shape matches the requested aspect ratio. */
export function sampleVideoFor(aspectRatio: string | undefined): SampleVideo {
  const media = load();
  if (aspectRatio === '9:16' || aspectRatio === '3:4' || aspectRatio === '2:3') return media.portrait;
  if (aspectRatio === '1:1') return media.square;
  return media.landscape;
}
