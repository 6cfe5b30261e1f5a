import { createContext, useContext } from 'react';
import type { z } from 'zod';
import type { ImportSourceSchema } from '../../shared/contract/importSchemas.ts';

export type ImportSource = z.input<typeof ImportSourceSchema>;

/** What differs between the desktop app and browser mode, beyond the calls themselves. */
export interface Platform {
  kind: 'electron' | 'browser';
  /** How a dropped or chosen file reaches main: its path in Electron, its bytes in browser mode. */
  importSource(file: File): Promise<ImportSource>;
  /** The address the renderer plays a downloaded video from (confined to the output folder in main). */
  mediaUrl(attemptId: number): string;
}

declare global {
  interface Window {
    /** Installed by the Electron preload beside `genvid`: the two things a page cannot do itself. */
    genvidDesktop?: { pathForFile(file: File): string };
  }
}

export function electronPlatform(desktop: NonNullable<Window['genvidDesktop']>): Platform {
  return {
    kind: 'electron',
    importSource: async (file) => ({ kind: 'path', path: desktop.pathForFile(file) }),
    mediaUrl: (attemptId) => `genvid-media://video/${attemptId}`,
  };
}

export function browserPlatform(token: string): Platform {
  return {
    kind: 'browser',
    importSource: async (file) => ({ kind: 'bytes', fileName: file.name, base64: toBase64(new Uint8Array(await file.arrayBuffer())) }),
    mediaUrl: (attemptId) => `/media/${attemptId}?token=${encodeURIComponent(token)}`,
  };
}

function toBase64(bytes: Uint8Array): string {
  // In slices: String.fromCharCode(...bytes) overflows the stack for a file of a few MB.
  let binary = '';
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

export const PlatformContext = createContext<Platform | null>(null);

export function usePlatform(): Platform {
  const platform = useContext(PlatformContext);
  if (!platform) throw new Error('usePlatform() outside PlatformContext');
  return platform;
}
