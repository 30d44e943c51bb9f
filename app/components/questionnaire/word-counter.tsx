import { useCopy } from "~/i18n";
import { wordCount } from "~/questionnaire/word-count";

/** "212 of 250 words", turning into a clear message over the limit. Announced politely. */
export function WordCounter({ id, text, max }: { id: string; text: string; max: number }) {
  const copy = useCopy().questionnaire;
  const count = wordCount(text);
  const over = count > max;
  return (
    <p id={id} className="word-count" data-over={over} aria-live="polite">
      {over ? copy.overBy(count, max) : copy.words(count, max)}
    </p>
  );
}
