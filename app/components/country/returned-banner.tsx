import { LocalTime } from "~/components/time";
import { useCopy } from "~/i18n";

/** A notification banner: the response is back with the country, and what UN DESA said. */
export function ReturnedBanner({
  returned,
  waiting,
}: {
  returned: { by: string; at: string; message: string };
  waiting: number;
}) {
  const c = useCopy().country;
  return (
    <div className="notification-banner" role="region" aria-labelledby="returned-title">
      <h2 id="returned-title" className="notification-banner__title">
        {c.returnedTitle}
      </h2>
      <p>
        {c.returnedBy({ who: returned.by || "UN DESA" })} <LocalTime iso={returned.at} withDate />
      </p>
      {returned.message ? (
        <blockquote className="multiline notification-banner__message">
          {returned.message}
        </blockquote>
      ) : null}
      <p>
        {waiting > 0 ? <a href="#comments">{c.commentsWaiting({ n: waiting })}</a> : null}{" "}
        {c.returnedNext}
      </p>
    </div>
  );
}
