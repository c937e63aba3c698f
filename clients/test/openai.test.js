// The official `openai` SDK: chat completions (plain, streamed, tools, parse), errors by class,
// embeddings, the Responses API and models. Retries are off (maxRetries: 0) except where a case
// counts them, so that every case is one call and a failure shows at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import OpenAI, {
  APIConnectionError, AuthenticationError, BadRequestError, InternalServerError, NotFoundError, RateLimitError,
} from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { API_KEY, CHAT_MODEL, EMBEDDING_MODEL, MISSING_MODEL, OPENAI_BASE_URL } from './target.js';
import { fakeRequests, weatherTools } from './helpers.js';
import { sampleFromSchema } from '../fake/script.js';
import { embeddingOf } from '../fake/openai.js';

const client = new OpenAI({ baseURL: OPENAI_BASE_URL, apiKey: API_KEY, maxRetries: 0, timeout: 30_000 });
const user = (content) => [{ role: 'user', content }];

test('openai: plain chat completion', async () => {
  const r = await client.chat.completions.create({ model: CHAT_MODEL, messages: user('hello there') });
  assert.equal(r.object, 'chat.completion');
  assert.equal(r.model, CHAT_MODEL);
  assert.equal(r.choices[0].message.content, 'Hello from the fake upstream. You said: hello there');
  assert.equal(r.choices[0].finish_reason, 'stop');
  assert.equal(r.choices[0].message.refusal, null);
  assert.equal(r.choices[0].logprobs, null);
  assert.equal(r.system_fingerprint, 'fp_fake');
  assert.ok(r.usage.prompt_tokens > 0 && r.usage.completion_tokens > 0);
});

test('openai: streamed chat completion with usage', async () => {
  const stream = await client.chat.completions.create({
    model: CHAT_MODEL, messages: user('stream me'), stream: true, stream_options: { include_usage: true },
  });
  let text = '';
  let finish = null;
  let usage = null;
  for await (const chunk of stream) {
    assert.equal(chunk.object, 'chat.completion.chunk');
    assert.equal(chunk.model, CHAT_MODEL);
    if (chunk.choices[0]?.delta?.content) text += chunk.choices[0].delta.content;
    if (chunk.choices[0]?.finish_reason) finish = chunk.choices[0].finish_reason;
    if (chunk.usage) usage = chunk.usage;
  }
  assert.equal(text, 'Hello from the fake upstream. You said: stream me');
  assert.equal(finish, 'stop');
  assert.ok(usage?.total_tokens > 0, 'a usage chunk');
});

test('openai: request parameters reach the upstream unchanged', async () => {
  const params = {
    temperature: 0.3, top_p: 0.9, seed: 1234, stop: ['\n\nEND'], presence_penalty: 0.5, frequency_penalty: 0.25,
    logit_bias: { 50256: -100 }, user: 'user-42', metadata: { trace: 'abc' }, store: false, n: 1,
    parallel_tool_calls: false, tool_choice: 'none', tools: weatherTools.slice(0, 1), x_unknown_field: { kept: true },
  };
  const r = await client.chat.completions.create({ model: CHAT_MODEL, messages: user('[[echo request]]'), ...params });
  const seen = JSON.parse(r.choices[0].message.content);
  assert.deepEqual(seen, params, 'the upstream saw exactly the parameters sent (nothing dropped, nothing injected such as max_tokens)');
});

test('openai: tools round trip with parallel calls', async () => {
  const messages = user('/tool get_weather {"city":"Lisbon"}\n/tool get_time {"zone":"Europe/Lisbon"}');
  const first = await client.chat.completions.create({ model: CHAT_MODEL, messages, tools: weatherTools, tool_choice: 'auto', parallel_tool_calls: true });
  const choice = first.choices[0];
  assert.equal(choice.finish_reason, 'tool_calls');
  assert.deepEqual(choice.message.tool_calls.map((c) => [c.function.name, JSON.parse(c.function.arguments)]),
    [['get_weather', { city: 'Lisbon' }], ['get_time', { zone: 'Europe/Lisbon' }]]);
  const results = { get_weather: '{"temp_c":21}', get_time: '"14:05"' };
  const second = await client.chat.completions.create({
    model: CHAT_MODEL, tools: weatherTools,
    messages: [...messages, choice.message,
      ...choice.message.tool_calls.map((c) => ({ role: 'tool', tool_call_id: c.id, content: results[c.function.name] }))],
  });
  assert.equal(second.choices[0].finish_reason, 'stop');
  assert.equal(second.choices[0].message.content, 'Tool get_weather returned {"temp_c":21}\nTool get_time returned "14:05"');
});

test('openai: streamed tool calls', async () => {
  const stream = client.chat.completions.stream({
    model: CHAT_MODEL, tools: weatherTools, stream_options: { include_usage: true },
    messages: user('/tool get_weather {"city":"Porto"}\n/tool get_time {"zone":"UTC"}'),
  });
  let deltas = 0;
  stream.on('chunk', (chunk) => { if (chunk.choices[0]?.delta?.tool_calls) deltas += 1; });
  const final = await stream.finalChatCompletion();
  const calls = final.choices[0].message.tool_calls;
  assert.equal(final.choices[0].finish_reason, 'tool_calls');
  assert.deepEqual(calls.map((c) => [c.function.name, JSON.parse(c.function.arguments)]),
    [['get_weather', { city: 'Porto' }], ['get_time', { zone: 'UTC' }]]);
  assert.ok(calls.every((c) => c.id && c.type === 'function'));
  assert.ok(deltas >= 4, `arguments arrive in several deltas (${deltas})`);
});

test('openai: a stream the upstream cut off is an error, not a stop', async () => {
  const stream = client.chat.completions.stream({ model: CHAT_MODEL, messages: user('[[cut]] tell me a long story') });
  const finishes = [];
  stream.on('chunk', (chunk) => { if (chunk.choices[0]?.finish_reason) finishes.push(chunk.choices[0].finish_reason); });
  const e = await stream.finalChatCompletion().catch((x) => x);
  assert.ok(e instanceof Error, `the stream ended as ${JSON.stringify(e?.choices?.[0]?.finish_reason)} instead of failing`);
  assert.deepEqual(finishes, [], 'no finish_reason was made up');
});

test('openai: chat.completions.parse with a json_schema (zodResponseFormat)', async () => {
  const Trip = z.object({ city: z.string(), days: z.number().int(), sights: z.array(z.string()), budget: z.enum(['low', 'high']) });
  const format = zodResponseFormat(Trip, 'trip');
  const r = await client.chat.completions.parse({ model: CHAT_MODEL, messages: user('Plan a trip'), response_format: format });
  assert.deepEqual(r.choices[0].message.parsed, sampleFromSchema(format.json_schema.schema));
  assert.deepEqual(r.choices[0].message.parsed, { city: 'sample city', days: 7, sights: ['sample sights'], budget: 'low' });
});

test('openai: 16 concurrent requests with one API key', async () => {
  // A script or an agent framework batching calls: each answer takes 300 ms upstream, so all 16 overlap.
  // allSettled: every request has ended before the next case starts, whatever the outcome.
  const settled = await Promise.allSettled(Array.from({ length: 16 }, (_, i) =>
    client.chat.completions.create({ model: CHAT_MODEL, messages: user(`[[delay 300]] request ${i}`) })));
  const failures = settled.filter((s) => s.status === 'rejected').map((s) => `${s.reason?.status} ${s.reason?.message}`);
  assert.deepEqual(failures, [], `${failures.length} of 16 failed`);
  assert.deepEqual(settled.map((s) => s.value.choices[0].message.content),
    Array.from({ length: 16 }, (_, i) => `Hello from the fake upstream. You said: [[delay 300]] request ${i}`));
});

test('openai: 400 is a BadRequestError with its message and param', async () => {
  const e = await client.chat.completions.create({ model: CHAT_MODEL, messages: user('[[error 400]]') }).catch((x) => x);
  assert.ok(e instanceof BadRequestError, `${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.status, 400);
  assert.equal(e.error?.param, 'temperature');
  assert.match(e.message, /scripted bad request/);
});

test('openai: a wrong API key is an AuthenticationError', async () => {
  const wrong = new OpenAI({ baseURL: OPENAI_BASE_URL, apiKey: 'pk_wrong-key', maxRetries: 0 });
  const e = await wrong.chat.completions.create({ model: CHAT_MODEL, messages: user('hi') }).catch((x) => x);
  assert.ok(e instanceof AuthenticationError, `${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.status, 401);
});

test('openai: an unknown model is a NotFoundError', async () => {
  const e = await client.chat.completions.create({ model: MISSING_MODEL, messages: user('hi') }).catch((x) => x);
  assert.ok(e instanceof NotFoundError, `${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.status, 404);
  assert.match(e.message, /no-such-model/, 'the upstream says which model it does not know');
});

test('openai: 429 is a RateLimitError with Retry-After', async () => {
  const e = await client.chat.completions.create({ model: CHAT_MODEL, messages: user('[[error 429]]') }).catch((x) => x);
  assert.ok(e instanceof RateLimitError, `${e?.constructor?.name}: ${e?.message}`);
  assert.ok(e.headers?.get('retry-after'), 'a Retry-After header');
});

test('openai: an upstream 500 is an InternalServerError', async () => {
  const e = await client.chat.completions.create({ model: CHAT_MODEL, messages: user('[[error 500]]') }).catch((x) => x);
  assert.ok(e instanceof InternalServerError || e instanceof APIConnectionError, `${e?.constructor?.name}: ${e?.message}`);
  assert.ok(e.status === undefined || e.status >= 500);
});

test("openai: the SDK's default retries do not multiply upstream calls", async () => {
  const marker = `retry-count-${process.pid}-${Date.now()}`;
  const retrying = new OpenAI({ baseURL: OPENAI_BASE_URL, apiKey: API_KEY, timeout: 30_000 }); // default maxRetries: 2
  const e = await retrying.chat.completions.create({ model: CHAT_MODEL, messages: user(`[[error 500]] ${marker}`) }).catch((x) => x);
  assert.ok(e instanceof InternalServerError || e instanceof APIConnectionError, `${e?.constructor?.name}: ${e?.message}`);
  const calls = (await fakeRequests()).filter((r) => r.body.includes(marker)).length;
  assert.ok(calls >= 1 && calls <= 3, `the upstream was called ${calls} times (the SDK alone makes 3)`);
});

test('openai: embeddings (base64 by default, and floats)', async () => {
  const r = await client.embeddings.create({ model: EMBEDDING_MODEL, input: ['first text', 'second text'] });
  assert.deepEqual(r.data.map((d) => [d.index, d.embedding]), [[0, embeddingOf('first text', 8)], [1, embeddingOf('second text', 8)]]);
  assert.ok(r.usage.prompt_tokens > 0);
  const floats = await client.embeddings.create({ model: EMBEDDING_MODEL, input: 'first text', encoding_format: 'float', dimensions: 4 });
  assert.deepEqual(floats.data[0].embedding, embeddingOf('first text', 4));
});

test('openai: responses.create', async () => {
  const r = await client.responses.create({ model: CHAT_MODEL, input: 'hello responses' });
  assert.equal(r.object, 'response');
  assert.equal(r.status, 'completed');
  assert.equal(r.output_text, 'Hello from the fake upstream. You said: hello responses');
  assert.ok(r.usage.input_tokens > 0 && r.usage.output_tokens > 0);
});

test('openai: responses.create streamed', async () => {
  const stream = await client.responses.create({ model: CHAT_MODEL, input: [{ role: 'user', content: 'stream responses' }], stream: true });
  let text = '';
  let completed = null;
  for await (const event of stream) {
    if (event.type === 'response.output_text.delta') text += event.delta;
    if (event.type === 'response.completed') completed = event.response;
  }
  assert.equal(text, 'Hello from the fake upstream. You said: stream responses');
  assert.equal(completed?.status, 'completed');
});

test('openai: models.retrieve of the chat model', async () => {
  const m = await client.models.retrieve(CHAT_MODEL);
  assert.equal(m.id, CHAT_MODEL);
  assert.equal(m.object, 'model');
});
