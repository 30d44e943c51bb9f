// Numbers typed with the digits of another script, as an Arabic, Persian or Chinese keyboard
// types them, stored as the plain digits every export and comparison expects: Arabic-Indic
// (٠١٢), Extended Arabic-Indic (۰۱۲) and full-width (０１２) digits, the Arabic decimal separator
// (٫) as a full stop and the Arabic thousands separator (٬) dropped. One pass: linear in the text.

const FOREIGN = /[\u0660-\u0669\u06f0-\u06f9\uff10-\uff19\u066b\u066c]/g;

function plain(char: string): string {
  if (char === "\u066b") return "."; // Arabic decimal separator
  if (char === "\u066c") return ""; // Arabic thousands separator
  const code = char.charCodeAt(0);
  const zero = code >= 0xff10 ? 0xff10 : code >= 0x06f0 ? 0x06f0 : 0x0660;
  return String(code - zero);
}

export function asciiDigits(text: string): string {
  return text.replace(FOREIGN, plain);
}
