/** A page that a later part of issue 15 builds: says so, rather than pretending. */
export function NextPage({ title, what }: { title: string; what: string }) {
  return (
    <section aria-labelledby="next-title">
      <h1 id="next-title">{title}</h1>
      <p>{what}</p>
      <p className="muted">Next: this page comes in a later version of the dashboard. The CLI and the HTTP API (docs/api.md) do all of it today.</p>
    </section>
  );
}
