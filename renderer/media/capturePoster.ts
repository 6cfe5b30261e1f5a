/** The still's size: twice the grid thumbnail's 56×32 CSS pixels, for high-density screens. */
const WIDTH = 112;
const HEIGHT = 64;
/** A video that neither loads nor fails in this long (a stalled read) gives up its slot in the queue. */
const GIVE_UP_MS = 15_000;

/**
 * Draws one frame of the video at `src` into a small JPEG (as a data: URL), cropped to fill like `object-fit: cover`.
 * The frame is half a second in (or the middle of a shorter video), past any fade from black. The
 * video element is released afterwards so its decoder does not linger.
 */
export async function capturePoster(src: string): Promise<string> {
  const video = document.createElement('video');
  video.muted = true;
  video.preload = 'auto';
  // The still is read back from a canvas, which a cross-origin video would taint (Electron's media
  // scheme answers with CORS headers for this).
  video.crossOrigin = 'anonymous';
  try {
    video.src = src;
    await settle(video, 'loadeddata');
    const duration = Number.isFinite(video.duration) ? video.duration : 0;
    video.currentTime = Math.min(0.5, duration / 2);
    await settle(video, 'seeked');
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH;
    canvas.height = HEIGHT;
    const context = canvas.getContext('2d');
    if (!context || video.videoWidth === 0) throw new Error('The video has no picture.');
    const scale = Math.max(WIDTH / video.videoWidth, HEIGHT / video.videoHeight);
    const [width, height] = [WIDTH / scale, HEIGHT / scale];
    context.drawImage(video, (video.videoWidth - width) / 2, (video.videoHeight - height) / 2, width, height, 0, 0, WIDTH, HEIGHT);
    // A data: URL rather than a blob: one, whose every creation is a synchronous trip to the
    // browser process; at 112×64 the JPEG is a few KB.
    return canvas.toDataURL('image/jpeg', 0.8);
  } finally {
    video.removeAttribute('src');
    video.load();
  }
}

function settle(video: HTMLVideoElement, event: 'loadeddata' | 'seeked'): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: Error) => {
      clearTimeout(timer);
      video.removeEventListener(event, onEvent);
      video.removeEventListener('error', onError);
      if (error) reject(error);
      else resolve();
    };
    const onEvent = () => done();
    const onError = () => done(new Error(video.error?.message || 'The video could not be read.'));
    const timer = setTimeout(() => done(new Error('The video did not load in time.')), GIVE_UP_MS);
    video.addEventListener(event, onEvent);
    video.addEventListener('error', onError);
  });
}
