import { Form } from "@remix-run/react";
import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";

export type ReviewComment = {
  id: string;
  fieldKey: string | null;
  parentId: string | null;
  body: string;
  createdAt: string;
  author: string;
};

/**
 * Comments on one question (or the whole response), threaded and dated, with reply forms.
 * `compact`: the "Comment" control of a question without comments is a small one that shows
 * fully on hover or focus, so that a page of 53 questions does not repeat 53 buttons.
 */
export function CommentThread({
  comments,
  fieldKey,
  label,
  compact = false,
}: {
  comments: ReviewComment[];
  fieldKey: string | null;
  label: string;
  compact?: boolean;
}) {
  const copy = useCopy().reviewPage;
  const roots = comments.filter((c) => c.fieldKey === fieldKey && !c.parentId);
  const replies = (id: string) => comments.filter((c) => c.parentId === id);
  const formId = `comment-${fieldKey ?? "response"}`;
  return (
    <div className="comments">
      {roots.length > 0 ? (
        <ol className="comment-list">
          {roots.map((comment) => (
            <li key={comment.id}>
              <CommentBody comment={comment} />
              {replies(comment.id).length > 0 ? (
                <ol className="comment-list comment-list--replies">
                  {replies(comment.id).map((reply) => (
                    <li key={reply.id}>
                      <CommentBody comment={reply} />
                    </li>
                  ))}
                </ol>
              ) : null}
              <details>
                <summary>{copy.reply}</summary>
                <CommentForm
                  id={`${formId}-${comment.id}`}
                  label={copy.reply}
                  fieldKey={fieldKey}
                  parentId={comment.id}
                />
              </details>
            </li>
          ))}
        </ol>
      ) : null}
      <details className={compact && roots.length === 0 ? "comment-toggle" : undefined}>
        {/* Each question's toggle has its own name in a screen reader's list of controls. */}
        <summary>
          {fieldKey ? (
            <>
              <span aria-hidden="true">{copy.comment}</span>
              <span className="visually-hidden">{label}</span>
            </>
          ) : (
            copy.comment
          )}
        </summary>
        <CommentForm id={formId} label={label} fieldKey={fieldKey} parentId={null} />
      </details>
    </div>
  );
}

function CommentBody({ comment }: { comment: ReviewComment }) {
  return (
    <article className="comment">
      <p className="comment__meta">
        {comment.author} · <LocalTime iso={comment.createdAt} withDate />
      </p>
      <p className="multiline">{comment.body}</p>
    </article>
  );
}

function CommentForm({
  id,
  label,
  fieldKey,
  parentId,
}: {
  id: string;
  label: string;
  fieldKey: string | null;
  parentId: string | null;
}) {
  const copy = useCopy().reviewPage;
  return (
    <Form method="post" className="comment-form" preventScrollReset>
      <input type="hidden" name="intent" value="comment" />
      {fieldKey ? <input type="hidden" name="field" value={fieldKey} /> : null}
      {parentId ? <input type="hidden" name="parent" value={parentId} /> : null}
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name="body" rows={3} required />
      <button type="submit" className="secondary">
        {copy.addComment}
      </button>
    </Form>
  );
}
