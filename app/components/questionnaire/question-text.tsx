import { useCopy } from "~/i18n";
import type { Question, Section } from "~/questionnaire/types";

// A text of the questionnaire that has no translation in the page's language is shown in
// English, marked as such (never a blank or a key), with `lang="en"` so that a screen reader
// reads it in English.

/** "Not yet translated: shown in English." */
export function UntranslatedMark() {
  return <span className="tag tag--untranslated">{useCopy().language.notTranslated}</span>;
}

/** A question's text, marked when it (or its hint or choices) is shown in English. */
export function QuestionText({ question }: { question: Question }) {
  const parts = question.untranslated;
  return (
    <>
      {parts?.text ? <span lang="en">{question.text}</span> : question.text}
      {parts ? (
        <>
          {" "}
          <UntranslatedMark />
        </>
      ) : null}
    </>
  );
}

/** "II. Online services", marked when the title is shown in English. */
export function SectionTitle({ section }: { section: Section }) {
  return (
    <>
      {section.id}.{" "}
      {section.untranslated ? (
        <>
          <span lang="en">{section.title}</span> <UntranslatedMark />
        </>
      ) : (
        section.title
      )}
    </>
  );
}

/** The notice at the top of the questionnaire's pages when its texts are not official. */
export function TranslationNotice({ status }: { status: string | undefined }) {
  const copy = useCopy().language;
  if (status !== "unofficial" && status !== "untranslated") return null;
  return <p className="notice">{status === "unofficial" ? copy.unofficial : copy.notTranslated}</p>;
}
