/** A view whose page is still being built: its place in the navigation, and where the data is now. */
export function Coming({ view }: { view: string }) {
  return (
    <section aria-labelledby="coming-title">
      <h2 id="coming-title">{view}</h2>
      <p>This view is coming. Meanwhile the same figures are in the CLI and the API (see /docs).</p>
    </section>
  );
}
