// Building blocks shared by the templates.
import { Button, Heading, Link, Section, Text } from "@react-email/components";
import { type CSSProperties, Fragment, type ReactNode } from "react";
import { copyFor } from "~/i18n/catalogues.server";
import type { Locale } from "~/i18n/locale";
import { colors } from "./layout";

const styles = {
  paragraph: { fontSize: "16px", lineHeight: "24px", margin: "0 0 16px" },
  subheading: { fontSize: "18px", lineHeight: "26px", margin: "24px 0 12px" },
  button: {
    backgroundColor: colors.link,
    color: "#ffffff",
    fontSize: "16px",
    fontWeight: 700,
    padding: "12px 20px",
    borderRadius: "4px",
    textDecoration: "none",
  },
  hint: { fontSize: "14px", lineHeight: "20px", color: colors.muted, margin: "16px 0 4px" },
  url: { fontSize: "14px", lineHeight: "20px", margin: 0, wordBreak: "break-all" },
  link: { color: colors.link, textDecoration: "underline" },
  quote: { borderInlineStart: `4px solid ${colors.rule}`, paddingInlineStart: "12px" },
} satisfies Record<string, CSSProperties>;

export function Paragraph(props: { children: ReactNode; style?: CSSProperties }) {
  return <Text style={{ ...styles.paragraph, ...props.style }}>{props.children}</Text>;
}

/** A heading under the e-mail's title (h1, in the layout): h2, or h3 beneath an h2. */
export function Subheading(props: { children: ReactNode; level?: 2 | 3 }) {
  return (
    <Heading
      as={props.level === 3 ? "h3" : "h2"}
      style={props.level === 3 ? { ...styles.subheading, fontSize: "16px" } : styles.subheading}
    >
      {props.children}
    </Heading>
  );
}

/** Text typed by a person (a reviewer's message, an answer): its line breaks are kept. */
export function MultilineText(props: { text: string; style?: CSSProperties }) {
  const lines = props.text.split(/\r\n|\r|\n/);
  return (
    <Paragraph style={props.style}>
      {lines.map((line, index) => (
        <Fragment key={index}>
          {index > 0 && <br />}
          {line}
        </Fragment>
      ))}
    </Paragraph>
  );
}

/** A message quoted from someone, set off by a rule at its start. */
export function Quote(props: { text: string }) {
  return (
    <Section style={styles.quote}>
      <MultilineText text={props.text} />
    </Section>
  );
}

/**
 * The e-mail's action: a button, and the address itself under it so it can be copied when the
 * button does not work. The plain-text body gets the address alone on its line (the button and
 * the hint mention a button that text readers don't have), so the preceding sentence should
 * introduce "the link below".
 */
export function ActionButton(props: { href: string; label: string; locale: Locale }) {
  return (
    <Section>
      <Button href={props.href} style={styles.button} data-skip-in-text={true}>
        {props.label}
      </Button>
      <Text style={styles.hint} data-skip-in-text={true}>
        {copyFor(props.locale).email.buttonHint}
      </Text>
      <Text style={styles.url}>
        <Link href={props.href} style={styles.link}>
          {props.href}
        </Link>
      </Text>
    </Section>
  );
}
