// LangChain JS ChatOpenAI: plain and streamed answers, bindTools with a tool message round trip,
// and withStructuredOutput in its three methods. maxRetries: 0, so that a failure shows at once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatOpenAI } from '@langchain/openai';
import { HumanMessage, SystemMessage, ToolMessage } from '@langchain/core/messages';
import { z } from 'zod';
import { API_KEY, CHAT_MODEL, OPENAI_BASE_URL } from './target.js';
import { weatherTools } from './helpers.js';

const model = new ChatOpenAI({ model: CHAT_MODEL, apiKey: API_KEY, configuration: { baseURL: OPENAI_BASE_URL }, maxRetries: 0, timeout: 30_000 });
const Person = z.object({ name: z.string().describe('Full name'), age: z.number().describe('Age in years') });
const samplePerson = { name: 'sample name', age: 42.5 };

test('langchain: invoke', async () => {
  const reply = await model.invoke([new HumanMessage('hi langchain')]);
  assert.equal(reply.content, 'Hello from the fake upstream. You said: hi langchain');
  assert.ok(reply.usage_metadata?.total_tokens > 0);
});

test('langchain: stream', async () => {
  let text = '';
  for await (const chunk of await model.stream('stream langchain')) text += chunk.content;
  assert.equal(text, 'Hello from the fake upstream. You said: stream langchain');
});

test('langchain: bindTools and a tool message round trip', async () => {
  const withTools = model.bindTools(weatherTools);
  const question = new HumanMessage('/tool get_weather {"city":"Lisbon"}');
  const ai = await withTools.invoke([question]);
  assert.equal(ai.tool_calls.length, 1);
  assert.equal(ai.tool_calls[0].name, 'get_weather');
  assert.deepEqual(ai.tool_calls[0].args, { city: 'Lisbon' });
  const answer = await withTools.invoke([question, ai, new ToolMessage({ tool_call_id: ai.tool_calls[0].id, content: 'sunny, 21 °C' })]);
  assert.equal(answer.content, 'Tool get_weather returned sunny, 21 °C');
  assert.equal(answer.tool_calls.length, 0);
});

test('langchain: withStructuredOutput functionCalling', async () => {
  const structured = model.withStructuredOutput(Person, { name: 'person', method: 'functionCalling' });
  assert.deepEqual(await structured.invoke('Who is it?'), samplePerson);
});

test('langchain: withStructuredOutput jsonSchema', async () => {
  const structured = model.withStructuredOutput(Person, { name: 'person', method: 'jsonSchema' });
  assert.deepEqual(await structured.invoke('Who is it?'), samplePerson);
});

test('langchain: withStructuredOutput jsonMode', async () => {
  // json_object carries no schema: the prompt describes it, as LangChain asks (the fake reads it there).
  const schema = { type: 'object', properties: { name: { type: 'string' }, age: { type: 'number' } } };
  const structured = model.withStructuredOutput(Person, { name: 'person', method: 'jsonMode' });
  const result = await structured.invoke([
    new SystemMessage(`Answer in JSON matching <schema>${JSON.stringify(schema)}</schema>`), new HumanMessage('Who is it?'),
  ]);
  assert.deepEqual(result, samplePerson);
});
