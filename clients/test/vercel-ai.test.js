// The Vercel AI SDK (`ai` with `@ai-sdk/openai` in chat-completions mode, as for any
// OpenAI-compatible server): generateText, streamText, a tool loop with stopWhen, generateObject.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { generateObject, generateText, stepCountIs, streamText, tool } from 'ai';
import { createOpenAI } from '@ai-sdk/openai';
import { z } from 'zod';
import { API_KEY, CHAT_MODEL, OPENAI_BASE_URL } from './target.js';

const provider = createOpenAI({ baseURL: OPENAI_BASE_URL, apiKey: API_KEY, name: 'compat' });
const model = provider.chat(CHAT_MODEL);

test('ai-sdk: generateText', async () => {
  const r = await generateText({ model, prompt: 'hi vercel', maxRetries: 0 });
  assert.equal(r.text, 'Hello from the fake upstream. You said: hi vercel');
  assert.equal(r.finishReason, 'stop');
  assert.ok(r.usage.totalTokens > 0);
});

test('ai-sdk: streamText', async () => {
  const r = streamText({ model, prompt: 'stream vercel', maxRetries: 0, onError: () => {} });
  let text = '';
  for await (const piece of r.textStream) text += piece;
  assert.equal(text, 'Hello from the fake upstream. You said: stream vercel');
  assert.equal(await r.finishReason, 'stop');
});

test('ai-sdk: generateText with tools and stopWhen(stepCountIs(3))', async () => {
  const calls = [];
  const r = await generateText({
    model, maxRetries: 0, stopWhen: stepCountIs(3),
    prompt: '/tool get_weather {"city":"Lisbon"}',
    tools: {
      get_weather: tool({
        description: 'The weather in a city',
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => { calls.push(city); return { city, temp_c: 21 }; },
      }),
    },
  });
  assert.deepEqual(calls, ['Lisbon']);
  assert.equal(r.steps.length, 2);
  assert.equal(r.steps[0].finishReason, 'tool-calls');
  assert.equal(r.text, 'Tool get_weather returned {"city":"Lisbon","temp_c":21}');
  assert.equal(r.finishReason, 'stop');
});

test('ai-sdk: generateObject', async () => {
  const r = await generateObject({
    model, maxRetries: 0, prompt: 'A recipe',
    schema: z.object({ title: z.string(), servings: z.number().int(), vegetarian: z.boolean(), steps: z.array(z.string()) }),
  });
  assert.deepEqual(r.object, { title: 'sample title', servings: 7, vegetarian: true, steps: ['sample steps'] });
});
