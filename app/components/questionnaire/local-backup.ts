// Where autosave keeps a section's unsaved changes in this browser (localStorage). The key names
// the person: on a shared computer a colleague who signs in next never gets them restored, nor
// autosaved under their own account. Signing out clears them all (site-nav.tsx here, and the
// sign-out response's Clear-Site-Data header, which also covers a browser without JavaScript).

const PREFIX = "msq:unsaved:";

export function localBackupKey(part: {
  userId: string;
  roundId: string | number;
  country: string;
  section: string;
}): string {
  return `${PREFIX}${part.userId}:${part.roundId}:${part.country}:${part.section}`;
}

/** Removes every section's unsaved changes kept in this browser (at sign-out). */
export function clearLocalBackups(): void {
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage disabled or unavailable: nothing was kept.
  }
}

/** The response header that empties this site's storage in the browser (sign-out responses). */
export const CLEAR_SITE_STORAGE = { "Clear-Site-Data": '"storage"' } as const;
