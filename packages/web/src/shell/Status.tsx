/** What a page shows while its data loads. */
export function Loading({ what }: { what: string }) {
  return (
    <p role="status" className="status">
      Loading {what}…
    </p>
  );
}

/** A refused or failed call, in the server's words. */
export function Failure({ error }: { error: Error }) {
  return (
    <p role="alert" className="failure">
      {error.message}
    </p>
  );
}
