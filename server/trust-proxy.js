// Express's "trust proxy" setting from the TRUST_PROXY variable. Express reads any string as a
// list of addresses, so TRUST_PROXY=1 would mean the address 0.0.0.1 (every client behind the
// proxy then shares one rate limit) and TRUST_PROXY=true stops the server at start. The text is
// turned into what Express means first: a hop count, a boolean, or a list of addresses. Plain
// JavaScript so that server.js (not compiled) and the app (app/env.server.ts) share it.
import net from "node:net";

const NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * `undefined` when unset or empty (Express's default: trust no proxy). Throws with a readable
 * message for anything Express would refuse or misread.
 * @param {string | undefined} value
 * @returns {boolean | number | string[] | undefined}
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim();
  if (text === "") return undefined;
  if (/^\d+$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === "true";
  return text.split(",").map((part) => {
    const entry = part.trim();
    if (NAMES.has(entry.toLowerCase())) return entry.toLowerCase();
    if (isAddressOrSubnet(entry)) return entry;
    throw new Error(
      `${JSON.stringify(entry)} is not a hop count, true or false, an IP address, a subnet ` +
        "(10.0.0.0/8) or one of loopback, linklocal, uniquelocal",
    );
  });
}

/** @param {string} entry */
function isAddressOrSubnet(entry) {
  const [address = "", mask, ...rest] = entry.split("/");
  const version = net.isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (mask === undefined) return true;
  if (/^\d{1,3}$/.test(mask)) return Number(mask) <= (version === 4 ? 32 : 128);
  return version === 4 && net.isIPv4(mask); // a netmask, 255.0.0.0
}
