// Sends the portal's e-mails. With SMTP_URL set they go to that server; without it (local
// development, demos) each message is written to MAIL_OUTBOX_DIR as a .eml file that any mail
// client opens, so nothing needs a mail server to work.
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import type StreamTransport from "nodemailer/lib/stream-transport";
import { env } from "~/env.server";

export type EmailMessage = {
  to: string | string[];
  subject: string;
  html: string;
  text: string;
  /** A fixed Message-ID header (the outbox's, from its row); else nodemailer makes one. */
  messageId?: string;
};

export type SentEmail = {
  messageId: string;
  /** Set in outbox mode: where the .eml file was written. */
  outboxFile?: string;
};

type MailTransportSettings = { smtpUrl?: string; outboxDir: string };

let settings: MailTransportSettings = { smtpUrl: env.SMTP_URL, outboxDir: env.MAIL_OUTBOX_DIR };
let smtpTransporter: Transporter<SMTPTransport.SentMessageInfo> | undefined;
let outboxTransporter: Transporter<StreamTransport.SentMessageInfo> | undefined;

/**
 * Replaces the settings read from the environment (which is parsed once at start-up), for
 * tests and scripts. The options replace all of them: without `smtpUrl` mail goes to the
 * outbox (`outboxDir`, or MAIL_OUTBOX_DIR), even if SMTP_URL is set. Closes pooled connections.
 */
export function configureMailTransport(options: { smtpUrl?: string; outboxDir?: string }): void {
  smtpTransporter?.close();
  smtpTransporter = undefined;
  outboxTransporter = undefined;
  settings = { smtpUrl: options.smtpUrl, outboxDir: options.outboxDir ?? env.MAIL_OUTBOX_DIR };
}

export async function sendEmail(message: EmailMessage): Promise<SentEmail> {
  const { messageId, ...content } = message;
  const mail = { ...content, from: env.MAIL_FROM, ...(messageId ? { messageId } : {}) };
  if (settings.smtpUrl) {
    const info = await getSmtpTransporter(settings.smtpUrl).sendMail(mail);
    return { messageId: info.messageId };
  }
  return writeToOutbox(mail, settings.outboxDir);
}

function getSmtpTransporter(smtpUrl: string) {
  // nodemailer reads smtp:// (plain, then STARTTLS) or smtps:// (TLS from the start), host, port
  // and credentials from the URL. Pooling reuses connections when many e-mails go out at once
  // (every focal point of a country); `?pool=false` in the URL opts out.
  if (!smtpTransporter) smtpTransporter = nodemailer.createTransport(transportUrl(smtpUrl));
  return smtpTransporter;
}

/**
 * The URL nodemailer gets. smtp:// must upgrade with STARTTLS (`requireTLS`): nodemailer only
 * upgrades when the server offers it, so a man in the middle who strips the offer would get
 * reset links in clear. `?tls=none` opts out explicitly, for a local test server only.
 */
export function transportUrl(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const tls = url.searchParams.get("tls");
  if (tls !== null && tls !== "none")
    throw new Error(`SMTP_URL: tls=${tls} is not understood; the only value is tls=none`);
  url.searchParams.delete("tls");
  // Ours is the only way to turn it off: a requireTLS=false in the URL does not.
  url.searchParams.delete("requireTLS");
  if (url.protocol === "smtp:") url.searchParams.set("requireTLS", String(tls !== "none"));
  if (!url.searchParams.has("pool")) url.searchParams.set("pool", "true");
  return url.toString();
}

async function writeToOutbox(
  mail: EmailMessage & { from: string },
  outboxDir: string,
): Promise<SentEmail> {
  // The stream transport builds the same MIME message an SMTP server would receive.
  outboxTransporter ??= nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  const info = await outboxTransporter.sendMail(mail);

  await mkdir(outboxDir, { recursive: true });
  // An ISO timestamp sorts in sending order; the suffix keeps same-millisecond files apart.
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const outboxFile = path.join(outboxDir, `${stamp}-${randomBytes(3).toString("hex")}.eml`);
  await writeFile(outboxFile, info.message);

  // Recipient and file only: the body carries one-time links and must not reach the logs.
  const to = Array.isArray(mail.to) ? mail.to.join(", ") : mail.to;
  console.log(`E-mail to ${to} written to ${outboxFile} (SMTP_URL is not set)`);
  return { messageId: info.messageId, outboxFile };
}
