// A node:test reporter that writes one JSON line per top-level test: {name, file, status, ms, error}.
// clients/run.sh compares these lines between the two targets.
export default async function* casesReporter(source) {
  for await (const event of source) {
    if ((event.type !== 'test:pass' && event.type !== 'test:fail') || event.data.nesting !== 0) continue;
    const { name, file, details } = event.data;
    const error = details?.error;
    const cause = error?.cause ?? error;
    yield `${JSON.stringify({
      name, file, status: event.type === 'test:pass' ? 'pass' : 'fail', ms: Math.round(details?.duration_ms ?? 0),
      error: error ? String(cause?.message ?? cause).split('\n').slice(0, 6).join(' ').slice(0, 600) : undefined,
    })}\n`;
  }
}
