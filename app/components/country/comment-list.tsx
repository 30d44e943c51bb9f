import { Form } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";
import type { CommentThread } from "~/models/comment-threads.server";
import type { Questionnaire } from "~/questionnaire/types";
import { findQuestion, sectionOf } from "~/questionnaire";

/**
 * Every comment UN DESA made on the response, each linked to the question it is about, with a
 * reply form for focal points. Threads waiting for the country come first.
 */
export function CommentList({
  threads,
  questionnaire,
  base,
  canReply,
  problem,
}: {
  threads: CommentThread[];
  questionnaire: Questionnaire;
  base: string;
  canReply: boolean;
  problem: { threadId: string; message: string } | null;
}) {
  const c = useCopy().comments;
  const ordered = [...threads].sort(
    (a, b) => Number(b.waitingForCountry) - Number(a.waitingForCountry),
  );
  return (
    <ol className="comment-threads">
      {ordered.map((thread) => {
        const question = thread.fieldKey ? findQuestion(questionnaire, thread.fieldKey) : null;
        const section = thread.fieldKey ? sectionOf(questionnaire, thread.fieldKey) : null;
        const error = problem?.threadId === thread.id ? problem.message : null;
        const replyId = `reply-${thread.id}`;
        return (
          <li key={thread.id} id={`thread-${thread.id}`} className="comment-thread">
            <p className="comment-thread__about">
              {question && section ? (
                <a href={`${base}/sections/${section.id}#q-${question.key}`}>
                  {c.about({ section: section.id, question: question.text })}
                </a>
              ) : (
                c.general
              )}{" "}
              {thread.waitingForCountry ? (
                <strong className="tag tag--waiting">
                  {canReply ? c.waiting : c.waitingForCountry}
                </strong>
              ) : (
                <span className="tag">{c.answered}</span>
              )}
            </p>
            <ul className="comment-list">
              {thread.messages.map((m) => (
                <li key={m.id} className="comment">
                  <p className="comment__meta">
                    {m.author || c.formerUser} · <LocalTime iso={m.at} withDate />
                  </p>
                  <p className="multiline">{m.body}</p>
                </li>
              ))}
            </ul>
            {canReply ? (
              <details className="comment-reply" open={!!error}>
                <summary>{c.reply}</summary>
                <Form method="post" className="comment-form">
                  <input type="hidden" name="intent" value="reply" />
                  <input type="hidden" name="threadId" value={thread.id} />
                  <label htmlFor={replyId}>{c.replyLabel}</label>
                  {error ? (
                    <p className="field-error" id={`${replyId}-error`}>
                      {error}
                    </p>
                  ) : null}
                  <textarea
                    id={replyId}
                    name="body"
                    rows={3}
                    maxLength={5000}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${replyId}-error` : undefined}
                  />
                  <button type="submit">{c.send}</button>
                </Form>
              </details>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
