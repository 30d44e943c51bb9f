// The importers' problems as an English-speaking administrator reads them: what the tests
// compare with, rather than sentences of their own. Test-only.
import { englishCopy } from "~/i18n/english-copy.node";
import { importMessage, refusalText } from "./import-messages";
import type { ImportProblem, ImportRefusal } from "./problems";

const english = englishCopy;

/** A problem or warning in English. */
export const inEnglish = (problem: ImportProblem) => importMessage(english, problem);

/** A refusal in English, each thing wrong in the file on its own line ("\n- "). */
export const refusalInEnglish = (refusal: ImportRefusal) => refusalText(english, refusal);
