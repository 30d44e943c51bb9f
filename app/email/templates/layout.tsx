// The frame of every e-mail: the portal's name, one heading, the message, and a footer saying
// who sends it and why. Plain HTML that reads well without images or styles (many mail clients
// block both), with colours that keep at least 7:1 contrast.
import {
  Body,
  Container,
  Head,
  Heading,
  Hr,
  Html,
  Preview,
  Section,
  Text,
} from "@react-email/components";
import { type CSSProperties, type ReactNode } from "react";
import { copyFor } from "~/i18n/catalogues.server";
import { directionOf, languageTag, type Locale } from "~/i18n/locale";

export const colors = { text: "#1a1a1a", muted: "#4a4a4a", link: "#1d4f91", rule: "#c8c8c8" };

const fontFamily = "Arial, Helvetica, sans-serif";

const styles = {
  body: { backgroundColor: "#ffffff", color: colors.text, fontFamily, margin: 0 },
  container: { maxWidth: "600px", padding: "24px 16px" },
  portalName: { fontSize: "20px", fontWeight: 700, color: colors.link, margin: 0 },
  tagline: { fontSize: "14px", color: colors.muted, margin: "4px 0 0" },
  heading: { fontSize: "24px", lineHeight: "32px", margin: "24px 0 16px", color: colors.text },
  rule: { borderColor: colors.rule, margin: "32px 0 16px" },
  footer: { fontSize: "13px", lineHeight: "20px", color: colors.muted, margin: "0 0 8px" },
} satisfies Record<string, CSSProperties>;

/**
 * In the recipient's language: `lang` and `dir` as the pages set them, so that mail clients and
 * screen readers read Arabic right to left; the portal's name and owner are the website's words.
 */
export function EmailLayout(props: {
  locale: Locale;
  title: string;
  preview: string;
  children: ReactNode;
}) {
  const copy = copyFor(props.locale);
  return (
    <Html lang={languageTag(props.locale)} dir={directionOf(props.locale)}>
      <Head>
        <title>{props.title}</title>
      </Head>
      <Body style={styles.body}>
        {/* Inside <body>, where HTML allows it; clients show it next to the subject. */}
        <Preview>{props.preview}</Preview>
        <Container style={styles.container}>
          <Section>
            <Text style={styles.portalName}>{copy.portalName}</Text>
            <Text style={styles.tagline}>{copy.portalTagline}</Text>
          </Section>
          <Heading as="h1" style={styles.heading}>
            {props.title}
          </Heading>
          {props.children}
          <Hr style={styles.rule} />
          <Section>
            <Text style={styles.footer}>{copy.footer.owner}</Text>
            <Text style={styles.footer}>{copy.footer.division}</Text>
            <Text style={styles.footer}>{copy.email.layout.why}</Text>
          </Section>
        </Container>
      </Body>
    </Html>
  );
}
