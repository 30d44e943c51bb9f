// Any address no other route matches. Answered here rather than by Remix's own "no match", so
// the root loader runs and the 404 page has the whole layout (the demo banner, the signed-in
// navigation); the root ErrorBoundary says what is wrong.
export function loader() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return null;
}
