// A real SMTP server for tests, in-process on 127.0.0.1. The portal sends to it exactly as it
// sends to a production relay (SMTP_URL), so tests exercise the whole path: templates, MIME
// encoding, the transport. Free of test-runner imports: vitest and Playwright both use it.
import { type AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedEmail = {
  /** Envelope recipients: who the server actually delivered to (covers Cc and Bcc too). */
  to: string[];
  /** The From header as written, e.g. `"MSQ Portal" <no-reply@msq.localhost>`. */
  from: string;
  subject: string;
  /** Line breaks normalised to \n (SMTP carries CRLF), so tests can match multi-line text. */
  text: string;
  html: string;
  /** The Message-ID header: the outbox's fixed one, so a duplicate delivery is counted. */
  messageId: string;
};

export type TestSmtpServer = {
  /** `smtp://127.0.0.1:<port>`: give it to `configureMailTransport` or the portal's SMTP_URL. */
  url: string;
  /** Every message received so far, oldest first. */
  messages: ReceivedEmail[];
  waitForEmail(
    predicate: (email: ReceivedEmail) => boolean,
    timeoutMs?: number,
  ): Promise<ReceivedEmail>;
  stop(): Promise<void>;
  /** Listens again on the same port after `stop`, keeping what it received (a server back up). */
  start(): Promise<void>;
};

/**
 * Starts the server on 127.0.0.1. Without a port it takes a free one (see `url`); a fixed port
 * is for a portal process started before the server, whose SMTP_URL must be known in advance.
 */
export async function startTestSmtpServer(
  options: { port?: number } = {},
): Promise<TestSmtpServer> {
  const messages: ReceivedEmail[] = [];
  const listeners = new Set<(email: ReceivedEmail) => void>();

  // A new SMTPServer for each start: one that was closed does not take connections again.
  const createServer = () =>
    new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      // The portal pools connections and keeps them open; don't wait 30 s for them on stop.
      closeTimeout: 100,
      onData(stream, session, callback) {
        simpleParser(stream)
          .then((parsed) => {
            const email: ReceivedEmail = {
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              from: parsed.from?.text ?? "",
              subject: parsed.subject ?? "",
              text: (parsed.text ?? "").replace(/\r\n?/g, "\n"),
              html: typeof parsed.html === "string" ? parsed.html : "",
              messageId: parsed.messageId ?? "",
            };
            messages.push(email);
            for (const listener of listeners) listener(email);
            // Accept only once parsed: when the sender's sendMail resolves, the message is here.
            callback();
          })
          .catch((error: Error) => callback(error));
      },
    });

  const listen = async (onPort: number) => {
    const created = createServer();
    await new Promise<void>((resolve, reject) => {
      created.once("error", reject);
      created.listen(onPort, "127.0.0.1", () => resolve());
    });
    // Keep later socket errors (a client hanging up) from becoming uncaught exceptions.
    created.on("error", () => {});
    return created;
  };
  let server = await listen(options.port ?? 0);
  const { port } = server.server.address() as AddressInfo;

  function waitForEmail(
    predicate: (email: ReceivedEmail) => boolean,
    timeoutMs = 10_000,
  ): Promise<ReceivedEmail> {
    const already = messages.find(predicate);
    if (already) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const listener = (email: ReceivedEmail) => {
        if (!predicate(email)) return;
        clearTimeout(timer);
        listeners.delete(listener);
        resolve(email);
      };
      const timer = setTimeout(() => {
        listeners.delete(listener);
        const seen = messages.map((m) => `"${m.subject}" to ${m.to.join(", ")}`);
        reject(
          new Error(
            `No matching e-mail within ${timeoutMs} ms. Received: ${seen.join("; ") || "none"}`,
          ),
        );
      }, timeoutMs);
      listeners.add(listener);
    });
  }

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitForEmail,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
    start: async () => {
      server = await listen(port);
    },
  };
}

/**
 * The first URL in the e-mail's text body whose path starts with `pathPrefix`, e.g. the
 * invitation link with `firstLink(email, "/invitation/")`. Throws when there is none.
 */
export function firstLink(email: ReceivedEmail, pathPrefix: string): string {
  for (const [candidate] of email.text.matchAll(/https?:\/\/[^\s<>"'()[\]]+/g)) {
    const link = candidate.replace(/[.,;:!?]+$/, ""); // sentence punctuation after a URL
    if (URL.canParse(link) && new URL(link).pathname.startsWith(pathPrefix)) return link;
  }
  throw new Error(`No link to ${pathPrefix} in the e-mail "${email.subject}":\n${email.text}`);
}
