// With single fetch, Remix suspends hydration at the root until it has decoded the page's data.
// A key press or click in that moment makes React hydrate synchronously, which cannot suspend, and
// throws "Root did not complete" (React error #345; remix-run/remix#10214): a focal point who
// presses Tab as the page loads would see the script fail. Until the data is decoded, the events
// React would hydrate for are kept from it; the browser still does what it does without
// JavaScript (follows the link, submits the form), which every page supports.

// React 18's discrete events that force a synchronous hydration (react-dom's
// discreteReplayableEvents).
const hydratingEvents = [
  "mousedown",
  "mouseup",
  "touchcancel",
  "touchend",
  "touchstart",
  "auxclick",
  "dblclick",
  "pointercancel",
  "pointerdown",
  "pointerup",
  "dragend",
  "dragstart",
  "drop",
  "compositionend",
  "compositionstart",
  "keydown",
  "keypress",
  "keyup",
  "input",
  "textInput",
  "copy",
  "cut",
  "paste",
  "click",
  "change",
  "contextmenu",
  "reset",
  "submit",
] as const;

type RemixWindow = Window & { __remixContext?: { state?: unknown } };

function isDecoded(): boolean {
  return (window as RemixWindow).__remixContext?.state !== undefined;
}

export function holdEventsUntilDecoded(): void {
  if (isDecoded()) return;
  const hold = (event: Event) => {
    if (!isDecoded()) {
      // Not preventDefault: the browser's own handling goes on.
      event.stopPropagation();
      return;
    }
    for (const type of hydratingEvents) window.removeEventListener(type, hold, true);
  };
  for (const type of hydratingEvents) window.addEventListener(type, hold, true);
}
