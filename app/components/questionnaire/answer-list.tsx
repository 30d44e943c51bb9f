import { QuestionText, SectionTitle } from "~/components/questionnaire/question-text";
import { Link } from "@remix-run/react";
import { useCopy } from "~/i18n";
import { formatAnswer } from "~/questionnaire/format";
import type { Answers, Questionnaire } from "~/questionnaire/types";
import { wordLimitFor, wordLimitState } from "~/questionnaire/word-count";
import { wordsOfAnswer } from "./word-counter";

/** Every answer, read-only, by section: the review step, the reviewers' page and print. */
export function AnswerList({
  questionnaire,
  answers,
  editBase,
  showWordCounts = false,
}: {
  questionnaire: Questionnaire;
  answers: Answers;
  /** Where "Edit" links lead (the country's base path), when the reader may edit. */
  editBase?: string;
  showWordCounts?: boolean;
}) {
  const copy = useCopy();
  const labels = { yes: copy.questionnaire.yes, no: copy.questionnaire.no };
  return (
    <div className="answer-list">
      {questionnaire.sections.map((section) => (
        <section
          key={section.id}
          aria-labelledby={`answers-${section.id}`}
          className="answer-section"
        >
          <div className="answer-section__head">
            <h2 id={`answers-${section.id}`}>
              <SectionTitle section={section} />
            </h2>
            {editBase ? (
              <Link
                to={`${editBase}/sections/${section.id}`}
                aria-label={copy.checkAnswers.editSection({ id: section.id })}
              >
                {copy.checkAnswers.edit}
              </Link>
            ) : null}
          </div>
          <dl>
            {section.questions.map((question) => {
              const text = formatAnswer(question, answers[question.key], labels);
              return (
                <div key={question.key} className="answer" id={`answer-${question.key}`}>
                  <dt>
                    <QuestionText question={question} />
                  </dt>
                  <dd
                    className={text ? "multiline" : "not-answered"}
                    dir={text ? "auto" : undefined}
                  >
                    {text ?? copy.questionnaire.notAnswered}
                    {showWordCounts && question.type === "longtext" && text ? (
                      <span className="word-count">
                        {" "}
                        (
                        {wordsOfAnswer(
                          copy.questionnaire,
                          wordLimitState(text, wordLimitFor(question, text)),
                        )}
                        )
                      </span>
                    ) : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
