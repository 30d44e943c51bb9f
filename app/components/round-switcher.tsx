import { useCopy } from "~/i18n";
import type { RoundLink } from "~/models/round-choice";

/**
 * "Round: MSQ 2026 (open) · MSQ 2020 (closed)": plain links, so it works without JavaScript and
 * each round's view has its own address. Nothing to switch with one round, so nothing shown.
 */
export function RoundSwitcher({
  rounds,
  href,
}: {
  rounds: readonly RoundLink[];
  /** The address of this page showing a round. */
  href: (round: RoundLink) => string;
}) {
  const r = useCopy().rounds;
  if (rounds.length < 2) return null;
  return (
    <nav className="round-switcher" aria-label={r.switcher}>
      <span className="round-switcher__label" aria-hidden="true">
        {r.label}
      </span>
      <ul>
        {rounds.map((round) => (
          <li key={round.id}>
            <a href={href(round)} aria-current={round.chosen ? "page" : undefined}>
              {r.link({ name: round.name, status: r.roundStatus[round.status] })}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
