// Formatters are costly to create (a dashboard shows hundreds of times): made once each.
const timeOnly = new Intl.DateTimeFormat("en-GB", { timeStyle: "short" });
const dateAndTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short" });

/** A time in the reader's own time zone (the server cannot know it, hence the warning off). */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const text = (withDate ? dateAndTime : timeOnly).format(new Date(iso));
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
