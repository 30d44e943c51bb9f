import { en } from "~/i18n/en";

/** The copy for the current language. One language for now; the hook is the seam for more. */
export function useCopy() {
  return en;
}
