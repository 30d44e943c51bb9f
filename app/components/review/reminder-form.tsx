import { Form } from "@remix-run/react";
import { useCopy } from "~/i18n";

export const REMINDER_FORM_ID = "reminder-form";

/**
 * The reminder, beside the filters: the table's checkboxes belong to this form through their
 * `form` attribute, so it can sit above the table. Closed until wanted; open again after a
 * problem so the person sees what to fix.
 */
export function ReminderForm({ shownCodes, open }: { shownCodes: string[]; open: boolean }) {
  const d = useCopy().dashboard;
  return (
    <details className="reminder" open={open}>
      <summary>{d.remindTitle}</summary>
      <Form method="post" id={REMINDER_FORM_ID} className="reminder__form">
        <p className="hint">{d.remindText}</p>
        <label htmlFor="reminder-message">{d.remindMessage}</label>
        <textarea id="reminder-message" name="message" rows={3} maxLength={2000} />
        <input type="hidden" name="shown" value={shownCodes.join(",")} />
        <div className="actions">
          <button type="submit" name="intent" value="remind-selected">
            {d.remindSend}
          </button>
          <button type="submit" name="intent" value="remind-shown" className="secondary">
            {d.remindAll({ n: shownCodes.length })}
          </button>
        </div>
      </Form>
    </details>
  );
}
