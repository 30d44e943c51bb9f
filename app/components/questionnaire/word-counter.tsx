import { useCopy } from "~/i18n";
import type { Copy } from "~/i18n/copy";
import { wordLimitState, type WordLimitState } from "~/questionnaire/word-count";

/** "212 of 250 words", turning into a clear message over the limit. Announced politely. */
export function WordCounter({ id, text, max }: { id: string; text: string; max: number }) {
  const copy = useCopy().questionnaire;
  const state = wordLimitState(text, max);
  return (
    <p id={id} className="word-count" data-over={state.over} aria-live="polite">
      {state.more
        ? copy.moreThan({ counted: state.count, max })
        : state.over
          ? copy.overBy({ count: state.count, max, excess: state.count - max })
          : copy.words({ count: state.count, max })}
    </p>
  );
}

/** How words are counted (as a word processor counts them, decision 016), beside the counter. */
export function WordRule({ id }: { id: string }) {
  return (
    <p id={id} className="word-count">
      {useCopy().questionnaire.wordRule}
    </p>
  );
}

/** "212 of 250 words", or "More than 2500 of 250 words", for an answer shown to be read. */
export function wordsOfAnswer(copy: Copy["questionnaire"], state: WordLimitState): string {
  return state.more
    ? copy.moreWords({ counted: state.count, max: state.max })
    : copy.words({ count: state.count, max: state.max });
}
