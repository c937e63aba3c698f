// The official Anthropic SDK against /v1/messages: plain, streamed, a tool round trip, streamed
// tool_use, and an error by class.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Anthropic, { NotFoundError } from '@anthropic-ai/sdk';
import { ANTHROPIC_BASE_URL, ANTHROPIC_MODEL, API_KEY, TARGET } from './target.js';
import { anthropicTools } from './helpers.js';

const MISSING = TARGET === 'direct' ? 'no-such-model' : 'anthropic/no-such-model';
const client = new Anthropic({ baseURL: ANTHROPIC_BASE_URL, apiKey: API_KEY, maxRetries: 0, timeout: 30_000 });

test('anthropic: messages.create', async () => {
  const m = await client.messages.create({ model: ANTHROPIC_MODEL, max_tokens: 256, messages: [{ role: 'user', content: 'hi claude' }] });
  assert.equal(m.type, 'message');
  assert.equal(m.role, 'assistant');
  assert.equal(m.model, ANTHROPIC_MODEL);
  assert.deepEqual(m.content, [{ type: 'text', text: 'Hello from the fake upstream. You said: hi claude' }]);
  assert.equal(m.stop_reason, 'end_turn');
  assert.ok(m.usage.input_tokens > 0 && m.usage.output_tokens > 0);
});

test('anthropic: messages.stream', async () => {
  const stream = client.messages.stream({ model: ANTHROPIC_MODEL, max_tokens: 256, system: 'Be brief.', messages: [{ role: 'user', content: 'stream claude' }] });
  let text = '';
  stream.on('text', (t) => { text += t; });
  const m = await stream.finalMessage();
  assert.equal(text, 'Hello from the fake upstream. You said: stream claude');
  assert.equal(m.content[0].text, text);
  assert.equal(m.stop_reason, 'end_turn');
  assert.ok(m.usage.output_tokens > 0);
});

test('anthropic: tool_use and tool_result round trip', async () => {
  const question = { role: 'user', content: '/tool get_weather {"city":"Lisbon"}' };
  const first = await client.messages.create({ model: ANTHROPIC_MODEL, max_tokens: 256, tools: anthropicTools, messages: [question] });
  assert.equal(first.stop_reason, 'tool_use');
  const use = first.content.find((b) => b.type === 'tool_use');
  assert.equal(use?.name, 'get_weather');
  assert.deepEqual(use.input, { city: 'Lisbon' });
  const second = await client.messages.create({
    model: ANTHROPIC_MODEL, max_tokens: 256, tools: anthropicTools,
    messages: [question, { role: 'assistant', content: first.content },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: use.id, content: 'sunny, 21 °C' }] }],
  });
  assert.equal(second.stop_reason, 'end_turn');
  assert.deepEqual(second.content, [{ type: 'text', text: 'Tool get_weather returned sunny, 21 °C' }]);
});

test('anthropic: streamed tool_use', async () => {
  const stream = client.messages.stream({
    model: ANTHROPIC_MODEL, max_tokens: 256, tools: anthropicTools,
    messages: [{ role: 'user', content: '/tool get_weather {"city":"Porto"}\n/tool get_time {"zone":"UTC"}' }],
  });
  const m = await stream.finalMessage();
  assert.equal(m.stop_reason, 'tool_use');
  assert.deepEqual(m.content.map((b) => [b.type, b.name, b.input]), [['tool_use', 'get_weather', { city: 'Porto' }], ['tool_use', 'get_time', { zone: 'UTC' }]]);
});

test('anthropic: an unknown model is a NotFoundError', async () => {
  const e = await client.messages.create({ model: MISSING, max_tokens: 16, messages: [{ role: 'user', content: 'hi' }] }).catch((x) => x);
  assert.ok(e instanceof NotFoundError, `${e?.constructor?.name}: ${e?.message}`);
  assert.equal(e.status, 404);
  assert.match(e.message, /no-such-model/, 'the 404 is about the model, not the path');
});
