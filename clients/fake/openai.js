// OpenAI's wire format for the fake upstream: chat completions (whole and streamed, tools, JSON
// schema answers), embeddings and the Responses API (text, whole and streamed).
import { decide, errorTrigger, idFor, sampleFromSchema, textOf, tokens } from './script.js';

export const CREATED = 1764547200; // fixed, so that answers are the same on every run

export function openAiError(status, message, { type, param = null, code = null } = {}) {
  const defaults = {
    400: 'invalid_request_error', 401: 'invalid_request_error', 404: 'invalid_request_error',
    429: 'requests', 500: 'server_error',
  };
  return { status, body: { error: { message, type: type ?? defaults[status] ?? 'server_error', param, code } } };
}

function triggeredError(text) {
  switch (errorTrigger(text)) {
    case 400: return openAiError(400, "Invalid value for 'temperature': scripted bad request.", { param: 'temperature', code: 'invalid_value' });
    case 429: return { ...openAiError(429, 'Rate limit reached for requests (scripted).', { code: 'rate_limit_exceeded' }), headers: { 'retry-after': '1' } };
    case 500: return openAiError(500, 'The server had an error while processing your request (scripted).');
    default: return null;
  }
}

/** The checks OpenAI makes that a gateway's translation could break. */
function invalidChat(body) {
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    return openAiError(400, "Invalid 'messages': empty array. Expected an array with minimum length 1.", { param: 'messages', code: 'empty_array' });
  }
  const open = new Set();
  for (const [i, m] of body.messages.entries()) {
    if (!['system', 'developer', 'user', 'assistant', 'tool', 'function'].includes(m.role)) {
      return openAiError(400, `Invalid value: '${m.role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, { param: `messages[${i}].role`, code: 'invalid_value' });
    }
    if (m.role === 'assistant') for (const call of m.tool_calls ?? []) open.add(call.id);
    if (m.role === 'tool') {
      if (!open.has(m.tool_call_id)) {
        return openAiError(400, "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", { param: `messages.[${i}].role` });
      }
      open.delete(m.tool_call_id);
    } else if (open.size && m.role !== 'assistant') {
      return openAiError(400, "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'.", { param: 'messages' });
    }
  }
  for (const [i, t] of (body.tools ?? []).entries()) {
    if (t.type !== 'function' || !t.function?.name) return openAiError(400, `Missing required parameter: 'tools[${i}].function'.`, { param: `tools[${i}].function` });
  }
  const format = body.response_format;
  if (format && !['text', 'json_object', 'json_schema'].includes(format.type)) {
    return openAiError(400, `Invalid value: '${format.type}'.`, { param: 'response_format.type' });
  }
  if (format?.type === 'json_schema' && (!format.json_schema?.name || !format.json_schema?.schema)) {
    return openAiError(400, "Missing required parameter: 'response_format.json_schema'.", { param: 'response_format.json_schema' });
  }
  return null;
}

/** The schema a json_object request describes in its messages, between <schema> and </schema>. */
function schemaInMessages(messages) {
  for (const m of messages) {
    const match = /<schema>([\s\S]*?)<\/schema>/.exec(textOf(m.content));
    if (match) return JSON.parse(match[1]);
  }
  return { type: 'object', properties: { ok: { const: true } } };
}

function chatPlan(body) {
  const messages = body.messages;
  const lastUser = [...messages].reverse().find((m) => m.role === 'user');
  const lastUserText = textOf(lastUser?.content);
  const lastAssistant = messages.map((m) => m.role).lastIndexOf('assistant');
  const callNames = new Map();
  for (const m of messages) for (const c of m.tool_calls ?? []) callNames.set(c.id, c.function?.name);
  const toolResults = messages.slice(lastAssistant + 1)
    .filter((m) => m.role === 'tool')
    .map((m) => ({ name: callNames.get(m.tool_call_id), content: textOf(m.content) }));
  const tools = (body.tools ?? []).map((t) => ({ name: t.function.name, schema: t.function.parameters }));
  const choice = typeof body.tool_choice === 'string' ? body.tool_choice : 'auto';
  const forced = typeof body.tool_choice === 'object' ? body.tool_choice?.function?.name : null;
  const format = body.response_format;
  const schema = format?.type === 'json_schema' ? format.json_schema.schema
    : format?.type === 'json_object' ? schemaInMessages(messages) : null;
  if (lastUserText.includes('[[echo request]]')) {
    const { messages: _m, model: _model, ...rest } = body;
    return { plan: { text: JSON.stringify(rest) }, lastUserText };
  }
  return { plan: decide({ lastUserText, tools, toolResults, forced, choice, schema }), lastUserText };
}

function toolCalls(plan, seed) {
  return plan.calls.map((c, i) => ({
    id: idFor('call_', `${seed}|${i}|${c.name}`), type: 'function',
    function: { name: c.name, arguments: JSON.stringify(c.args) },
  }));
}

export async function chatCompletions(body, res, send) {
  const invalid = invalidChat(body);
  if (invalid) return send(invalid);
  const delay = /\[\[delay (\d+)\]\]/.exec(textOf(body.messages[body.messages.length - 1].content));
  if (delay) await new Promise((resolve) => setTimeout(resolve, Number(delay[1])));
  if (String(body.model).endsWith('no-such-model')) {
    return send(openAiError(404, `The model '${body.model}' does not exist or you do not have access to it.`, { code: 'model_not_found' }));
  }
  const { plan, lastUserText } = chatPlan(body);
  const error = triggeredError(lastUserText);
  if (error) return send(error);
  const seed = JSON.stringify(body.messages);
  const id = idFor('chatcmpl-', seed);
  const promptTokens = tokens(seed);
  const calls = plan.calls ? toolCalls(plan, seed) : null;
  const completionTokens = tokens(plan.text ?? JSON.stringify(calls));
  const finish = calls ? 'tool_calls' : 'stop';
  const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  if (!body.stream) {
    const message = { role: 'assistant', content: plan.text ?? null, refusal: null, annotations: [] };
    if (calls) message.tool_calls = calls;
    return send({
      status: 200,
      body: {
        id, object: 'chat.completion', created: CREATED, model: body.model,
        choices: [{ index: 0, message, logprobs: null, finish_reason: finish }],
        usage, service_tier: 'default', system_fingerprint: 'fp_fake',
      },
    });
  }
  const withUsage = body.stream_options?.include_usage === true;
  const chunk = (delta, finishReason = null) => ({
    id, object: 'chat.completion.chunk', created: CREATED, model: body.model, service_tier: 'default',
    system_fingerprint: 'fp_fake', choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }],
    ...(withUsage ? { usage: null } : {}),
  });
  const events = [chunk({ role: 'assistant', content: '', refusal: null })];
  if (calls) {
    calls.forEach((call, index) => {
      events.push(chunk({ tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.function.name, arguments: '' } }] }));
      for (const piece of thirds(call.function.arguments)) {
        events.push(chunk({ tool_calls: [{ index, function: { arguments: piece } }] }));
      }
    });
  } else {
    for (const piece of words(plan.text)) events.push(chunk({ content: piece }));
  }
  if (lastUserText.includes('[[cut]]')) {
    // The upstream stops half-way: no finish_reason, no usage, no [DONE].
    return streamSse(res, events.slice(0, 4).map((e) => ({ data: e })), false);
  }
  events.push(chunk({}, finish));
  if (withUsage) events.push({ ...chunk({}), choices: [], usage });
  return streamSse(res, events.map((e) => ({ data: e })), true);
}

/** The fake's embedding of a text: the same text always gives the same vector (float32 values). */
export function embeddingOf(text, dims) {
  const base = parseInt(idFor('', text), 36);
  return Array.from({ length: dims }, (_, i) => Math.fround((((base >>> (i % 24)) + i * 37) % 1000) / 1000 - 0.5));
}

export function embeddings(body, send) {
  const inputs = Array.isArray(body.input) ? body.input : [body.input];
  if (body.input == null || inputs.length === 0) {
    return send(openAiError(400, "'input' is a required property", { param: 'input' }));
  }
  const dims = body.dimensions ?? 8;
  const data = inputs.map((input, index) => {
    const vector = embeddingOf(typeof input === 'string' ? input : JSON.stringify(input), dims);
    const embedding = body.encoding_format === 'base64'
      ? Buffer.from(new Float32Array(vector).buffer).toString('base64') : vector;
    return { object: 'embedding', index, embedding };
  });
  const promptTokens = inputs.reduce((n, i) => n + tokens(typeof i === 'string' ? i : JSON.stringify(i)), 0);
  return send({ status: 200, body: { object: 'list', data, model: body.model, usage: { prompt_tokens: promptTokens, total_tokens: promptTokens } } });
}

export function responses(body, res, send) {
  if (body.input == null) return send(openAiError(400, "Missing required parameter: 'input'.", { param: 'input' }));
  const items = typeof body.input === 'string' ? [{ role: 'user', content: body.input }] : body.input;
  const lastUser = [...items].reverse().find((i) => i.role === 'user');
  const lastUserText = textOf(lastUser?.content);
  const error = triggeredError(lastUserText);
  if (error) return send(error);
  const seed = JSON.stringify(items);
  const text = `Hello from the fake upstream. You said: ${lastUserText}`;
  const id = idFor('resp_', seed);
  const messageId = idFor('msg_', seed);
  const inputTokens = tokens(seed);
  const outputTokens = tokens(text);
  const part = { type: 'output_text', text, annotations: [], logprobs: [] };
  const message = { type: 'message', id: messageId, status: 'completed', role: 'assistant', content: [part] };
  const response = (status, output) => ({
    id, object: 'response', created_at: CREATED, status, background: false, error: null, incomplete_details: null,
    instructions: body.instructions ?? null, max_output_tokens: body.max_output_tokens ?? null, model: body.model,
    output, parallel_tool_calls: true, previous_response_id: null, reasoning: { effort: null, summary: null },
    store: body.store ?? true, temperature: body.temperature ?? 1, text: { format: { type: 'text' } },
    tool_choice: 'auto', tools: [], top_p: body.top_p ?? 1, truncation: 'disabled', metadata: body.metadata ?? {},
    usage: status === 'completed' ? {
      input_tokens: inputTokens, input_tokens_details: { cached_tokens: 0 }, output_tokens: outputTokens,
      output_tokens_details: { reasoning_tokens: 0 }, total_tokens: inputTokens + outputTokens,
    } : null,
    user: null,
  });
  if (!body.stream) return send({ status: 200, body: response('completed', [message]) });
  let sequence = 0;
  const event = (type, fields) => ({ event: type, data: { type, sequence_number: sequence++, ...fields } });
  const events = [
    event('response.created', { response: response('in_progress', []) }),
    event('response.in_progress', { response: response('in_progress', []) }),
    event('response.output_item.added', { output_index: 0, item: { ...message, status: 'in_progress', content: [] } }),
    event('response.content_part.added', { item_id: messageId, output_index: 0, content_index: 0, part: { ...part, text: '' } }),
    ...words(text).map((delta) => event('response.output_text.delta', { item_id: messageId, output_index: 0, content_index: 0, delta, logprobs: [] })),
    event('response.output_text.done', { item_id: messageId, output_index: 0, content_index: 0, text, logprobs: [] }),
    event('response.content_part.done', { item_id: messageId, output_index: 0, content_index: 0, part }),
    event('response.output_item.done', { output_index: 0, item: message }),
    event('response.completed', { response: response('completed', [message]) }),
  ];
  return streamSse(res, events, false);
}

/** Words with their following space, so that the pieces join to the text. */
export function words(text) {
  return text.match(/\S+\s*|\s+/g) ?? [''];
}

function thirds(text) {
  const a = Math.ceil(text.length / 3);
  return [text.slice(0, a), text.slice(a, 2 * a), text.slice(2 * a)].filter((s) => s.length);
}

/** Writes Server-Sent Events (`event:` lines when given), then `data: [DONE]` when asked. */
export function streamSse(res, events, done) {
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (const e of events) res.write(`${e.event ? `event: ${e.event}\n` : ''}data: ${JSON.stringify(e.data)}\n\n`);
  if (done) res.write('data: [DONE]\n\n');
  res.end();
}

export { sampleFromSchema };
