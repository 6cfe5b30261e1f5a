// Reading a cell the way a creator means it: "1080P", "10秒", "16：9", "竖屏", "3次". Each reader
// returns the canonical value, undefined for a blank cell, or null when the text is not a value.
import { resolutions, type Resolution } from '../../../shared/catalog/schema.ts';

export const MAX_TAKES = 20;

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

const namedResolutions: Record<string, Resolution> = {
  sd: '480p', '标清': '480p', hd: '720p', '高清': '720p', fhd: '1080p', 'full hd': '1080p', fullhd: '1080p', '超清': '1080p',
  '全高清': '1080p', '蓝光': '1080p', '2k': '1440p', qhd: '1440p', '4k': '2160p', uhd: '2160p', '超高清': '2160p',
};

export function readResolution(cell: string): Resolution | undefined | null {
  const text = fold(cell).replace(/\s+/g, ' ');
  if (!text) return undefined;
  const named = namedResolutions[text];
  if (named) return named;
  const lines = /^(\d{3,4})\s*[pi]?$/.exec(text)?.[1] ?? smallerSide(text);
  const resolution = `${lines}p`;
  return (resolutions as readonly string[]).includes(resolution) ? (resolution as Resolution) : null;
}

/** "1920x1080" or "1080×1920" → "1080": the short side names the resolution either way round. */
function smallerSide(text: string): string | undefined {
  const match = /^(\d{3,4})\s*[x×*]\s*(\d{3,4})$/.exec(text);
  return match ? String(Math.min(Number(match[1]), Number(match[2]))) : undefined;
}

export function readDuration(cell: string): number | undefined | null {
  const text = fold(cell);
  if (!text) return undefined;
  const match = /^(\d+(?:\.\d+)?)\s*(s|sec|secs|second|seconds|秒|秒钟)?$/.exec(text);
  const seconds = match ? Number(match[1]) : NaN;
  return seconds > 0 ? seconds : null;
}

const namedAspects: Record<string, string> = {
  '横屏': '16:9', '横版': '16:9', landscape: '16:9', horizontal: '16:9', '竖屏': '9:16', '竖版': '9:16', portrait: '9:16',
  vertical: '9:16', '方形': '1:1', '正方形': '1:1', square: '1:1', auto: 'auto', '自动': 'auto',
};

export function readAspect(cell: string): string | undefined | null {
  const text = fold(cell);
  if (!text) return undefined;
  const named = namedAspects[text];
  if (named) return named;
  const match = /^(\d{1,2})\s*[:/x×比]\s*(\d{1,2})$/.exec(text);
  return match && Number(match[1]) > 0 && Number(match[2]) > 0 ? `${Number(match[1])}:${Number(match[2])}` : null;
}

export function readTakes(cell: string): number | undefined | null {
  const text = fold(cell).replace(/\s*(次|个|条|份|遍|takes?)$/, '');
  if (!text) return undefined;
  if (!/^\d+(\.0+)?$/.test(text)) return null;
  const takes = Number(text);
  return takes >= 1 && takes <= MAX_TAKES ? takes : null;
}

const namedPriorities: Record<string, number> = { high: 1, '高': 1, normal: 0, '中': 0, '普通': 0, low: -1, '低': -1 };

export function readPriority(cell: string): number | undefined | null {
  const text = fold(cell);
  if (!text) return undefined;
  if (text in namedPriorities) return namedPriorities[text]!;
  return /^-?\d+$/.test(text) && Math.abs(Number(text)) <= 1_000_000 ? Number(text) : null;
}

/** One or two image URLs (first frame, last frame), one per line or separated by spaces or semicolons. */
export function readImages(cell: string): string[] | undefined {
  const urls = cell
    .normalize('NFKC')
    .split(/\s+|[;；，]|,(?=\s*https?:)/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  return urls.length > 0 ? urls : undefined;
}

export function readRowId(cell: string): number | undefined | null {
  const text = fold(cell);
  if (!text) return undefined;
  return /^\d+$/.test(text) && Number(text) > 0 ? Number(text) : null;
}
