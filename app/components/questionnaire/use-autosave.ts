import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { answersFromFormData, fingerprint, sameAnswer } from "~/questionnaire/form-data";
import {
  POST_FIELDS,
  readAutosaveSaved,
  shownField,
  type FieldConflict,
} from "~/questionnaire/section-protocol";
import type { AnswerValue, Answers, Question } from "~/questionnaire/types";

// Autosave for a section form (JavaScript only; without it the buttons save). A moment after
// typing stops, the changed fields go to the autosave endpoint with fingerprints of what was
// shown, so a colleague's save in between comes back as a conflict, never overwritten. Unsaved
// changes are also kept in this browser's storage until saved: a crash, a closed tab, a lost
// connection or an expired session loses nothing.

export type AutosaveStatus =
  | "idle"
  | "dirty"
  | "saving"
  | "saved"
  | "offline"
  | "signed-out"
  | "locked";

export type Conflict = FieldConflict;

type Stored = { values: Answers; shown: Record<string, string>; at: string };

const DELAY_MS = 1200;
const RETRY_MS = 10_000;

export function useAutosave(options: {
  formRef: RefObject<HTMLFormElement | null>;
  questions: readonly Question[];
  initial: Answers;
  initialShown: Record<string, string>;
  endpoint: string;
  storageKey: string;
  enabled: boolean;
}) {
  const { formRef, questions, endpoint, storageKey, enabled } = options;
  const saved = useRef<Answers>({ ...options.initial });
  const shown = useRef<Record<string, string>>({ ...options.initialShown });
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const inFlight = useRef(false);
  const held = useRef(new Set<string>()); // fields in conflict wait for the person's choice
  const [status, setStatus] = useState<AutosaveStatus>("idle");
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<Conflict[]>([]);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  /** The answers as last acknowledged by the server (for live progress). */
  const [savedAnswers, setSavedAnswers] = useState<Answers>(options.initial);

  const readForm = useCallback(
    () => (formRef.current ? answersFromFormData(new FormData(formRef.current), questions) : {}),
    [formRef, questions],
  );

  const dirty = useCallback(() => {
    const now = readForm();
    return Object.fromEntries(
      Object.entries(now).filter(([key, value]) => !sameAnswer(value, saved.current[key] ?? null)),
    ) as Answers;
  }, [readForm]);

  const remember = useCallback(
    (changes: Answers) => {
      if (Object.keys(changes).length === 0) return localStorage.removeItem(storageKey);
      const stored: Stored = {
        values: changes,
        shown: pick(shown.current, Object.keys(changes)),
        at: new Date().toISOString(),
      };
      localStorage.setItem(storageKey, JSON.stringify(stored));
    },
    [storageKey],
  );

  const save = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) {
      timer.current = setTimeout(() => void save(), DELAY_MS);
      return;
    }
    const changes = Object.fromEntries(
      Object.entries(dirty()).filter(([key]) => !held.current.has(key)),
    ) as Answers;
    if (Object.keys(changes).length === 0) return;
    inFlight.current = true;
    setStatus("saving");
    const body = new FormData();
    body.set(POST_FIELDS.intent, "autosave");
    body.set(POST_FIELDS.base, "0");
    body.set(POST_FIELDS.fields, Object.keys(changes).join(","));
    for (const [key, value] of Object.entries(changes)) {
      appendAnswer(body, key, value);
      body.set(shownField(key), shown.current[key] ?? fingerprint(null));
    }
    try {
      const response = await fetch(endpoint, { method: "POST", body, credentials: "same-origin" });
      if (response.status === 401) return setStatus("signed-out");
      if (response.status === 409) return setStatus("locked");
      if (!response.ok) throw new Error(`autosave answered ${response.status}`);
      const result = readAutosaveSaved(await response.json());
      if (!result) throw new Error("autosave answered something else than a save");
      for (const key of Object.keys(changes)) {
        if (result.conflicts.some((c) => c.field === key)) continue;
        saved.current[key] = changes[key] ?? null;
        shown.current[key] = fingerprint(changes[key] ?? null);
      }
      if (result.conflicts.length > 0) {
        for (const c of result.conflicts) held.current.add(c.field);
        setConflicts((previous) => [
          ...previous.filter((p) => !held.current.has(p.field)),
          ...result.conflicts,
        ]);
      }
      setSavedAt(result.savedAt);
      setSavedAnswers({ ...saved.current });
      const left = dirty();
      remember(left);
      setStatus(Object.keys(left).length > 0 ? "dirty" : "saved");
    } catch {
      setStatus("offline");
      timer.current = setTimeout(() => void save(), RETRY_MS);
    } finally {
      inFlight.current = false;
    }
  }, [dirty, endpoint, remember]);

  const onChange = useCallback(() => {
    if (!enabled) return;
    const changes = dirty();
    remember(changes);
    setStatus((s) =>
      s === "offline" || s === "signed-out"
        ? s
        : Object.keys(changes).length > 0
          ? "dirty"
          : "saved",
    );
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(), DELAY_MS);
  }, [dirty, enabled, remember, save]);

  /** The person chose: keep their own answer (overwrite) or take their colleague's. */
  const resolve = useCallback(
    (field: string, choice: "mine" | "theirs") => {
      const conflict = conflicts.find((c) => c.field === field);
      if (!conflict) return;
      held.current.delete(field);
      setConflicts((previous) => previous.filter((c) => c.field !== field));
      // Either way they have now seen their colleague's answer.
      saved.current[field] = conflict.theirs as AnswerValue;
      shown.current[field] = fingerprint(conflict.theirs as AnswerValue);
      if (choice === "theirs" && formRef.current)
        setFieldValue(formRef.current, field, conflict.theirs as AnswerValue);
      onChange();
    },
    [conflicts, formRef, onChange],
  );

  // Put back what this browser kept and did not manage to save.
  useEffect(() => {
    if (!enabled || !formRef.current) return;
    const raw = localStorage.getItem(storageKey);
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as Stored;
      let restored = false;
      for (const [key, value] of Object.entries(stored.values)) {
        if (!questions.some((q) => q.key === key)) continue;
        if (sameAnswer(value, saved.current[key] ?? null)) continue; // saved after all
        if (stored.shown[key]) shown.current[key] = stored.shown[key];
        setFieldValue(formRef.current, key, value);
        restored = true;
      }
      if (restored) {
        setRestoredAt(stored.at);
        onChange();
      }
    } catch {
      localStorage.removeItem(storageKey);
    }
    // Once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const retry = () => void save();
    const warn = (event: BeforeUnloadEvent) => {
      if (Object.keys(dirty()).length > 0) event.preventDefault();
    };
    window.addEventListener("online", retry);
    window.addEventListener("beforeunload", warn);
    return () => {
      window.removeEventListener("online", retry);
      window.removeEventListener("beforeunload", warn);
      clearTimeout(timer.current);
    };
  }, [dirty, save]);

  /**
   * Before the form itself is submitted (Next, Back…): its post carries everything, so neither
   * the stored copy nor a pending autosave is needed. (The pending one would otherwise fire on
   * the next section's page, which reuses this component, with this section's fields.)
   */
  const forgetStored = useCallback(() => {
    clearTimeout(timer.current);
    localStorage.removeItem(storageKey);
  }, [storageKey]);

  return {
    status,
    savedAt,
    savedAnswers,
    conflicts,
    restoredAt,
    onChange,
    resolve,
    forgetStored,
    shown: shown.current,
  };
}

function pick(record: Record<string, string>, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in record).map((k) => [k, record[k]!]));
}

function appendAnswer(body: FormData, key: string, value: AnswerValue) {
  if (Array.isArray(value)) for (const item of value) body.append(key, item);
  else if (value !== null) body.set(key, value);
}

/** Sets a field's value in the form (text, radios, checkboxes) as if the person had typed it. */
function setFieldValue(form: HTMLFormElement, key: string, value: AnswerValue) {
  const controls = form.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
    `[name="${CSS.escape(key)}"]`,
  );
  for (const control of controls) {
    if (
      control instanceof HTMLInputElement &&
      (control.type === "radio" || control.type === "checkbox")
    ) {
      control.checked = Array.isArray(value)
        ? value.includes(control.value)
        : value === control.value;
    } else {
      control.value = typeof value === "string" ? value : "";
      control.dispatchEvent(new Event("input", { bubbles: true }));
    }
  }
}
