// What several test files share: the tools they offer and a look at what the fake upstream received.
const fakeUrl = (process.env.FAKE_URL ?? '').replace(/\/+$/, '');

/** The requests the fake upstream received (`GET /__requests`), to count upstream calls. */
export async function fakeRequests() {
  if (!fakeUrl) throw new Error('FAKE_URL is required to look at the fake upstream');
  const r = await fetch(`${fakeUrl}/__requests`);
  return r.json();
}

export const weatherSchema = {
  type: 'object', properties: { city: { type: 'string', description: 'The city' } }, required: ['city'], additionalProperties: false,
};
export const timeSchema = {
  type: 'object', properties: { zone: { type: 'string', description: 'An IANA time zone' } }, required: ['zone'], additionalProperties: false,
};

/** OpenAI-shaped tools. */
export const weatherTools = [
  { type: 'function', function: { name: 'get_weather', description: 'The weather in a city', parameters: weatherSchema } },
  { type: 'function', function: { name: 'get_time', description: 'The time in a zone', parameters: timeSchema } },
];

/** Anthropic-shaped tools. */
export const anthropicTools = [
  { name: 'get_weather', description: 'The weather in a city', input_schema: weatherSchema },
  { name: 'get_time', description: 'The time in a zone', input_schema: timeSchema },
];
