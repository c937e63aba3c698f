// The fake upstream's script: what it answers is decided by the request's content alone, so the same
// request always gets the same answer, whether it comes from an SDK directly or through Parley.
//
//   - `/tool <name> <json>` lines in the last user message: call those tools (one line a call, so
//     two lines are parallel calls) when they are offered;
//   - tools offered and no tool result yet: call the forced tool (tool_choice) or the first one, with
//     arguments made from its JSON schema (sampleFromSchema);
//   - tool results after the last tool call: answer in text that quotes each result;
//   - a JSON schema response format: a JSON answer made from the schema;
//   - `[[error 400]]`, `[[error 429]]`, `[[error 500]]` in the last user message: that error;
//   - `[[delay <ms>]]` in the last message of a chat completion: the answer waits that long;
//   - `[[cut]]` in a streamed chat completion: the stream stops after a few chunks, without a
//     finish_reason or `[DONE]`;
//   - `[[echo request]]`: the answer is the request body itself (less messages and model), so a
//     test can see which parameters reached the upstream.

/** A value that matches a JSON schema: the same schema always gives the same value. */
export function sampleFromSchema(schema, name = 'value') {
  if (!schema || typeof schema !== 'object') return 'sample';
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    if (Array.isArray(schema[key]) && schema[key].length) {
      const choice = schema[key].find((s) => s && s.type !== 'null') ?? schema[key][0];
      return sampleFromSchema(choice, name);
    }
  }
  let type = schema.type;
  if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? type[0];
  if (!type && schema.properties) type = 'object';
  switch (type) {
    case 'object': {
      const out = {};
      for (const [key, sub] of Object.entries(schema.properties ?? {})) out[key] = sampleFromSchema(sub, key);
      return out;
    }
    case 'array':
      return [sampleFromSchema(schema.items ?? {}, name)];
    case 'integer':
      return 7;
    case 'number':
      return 42.5;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return `sample ${name}`;
  }
}

/** The text of an OpenAI or Anthropic content (a string or a list of parts). */
export function textOf(content) {
  if (content == null) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part) => (typeof part === 'string' ? part : part.type === 'text' || part.type === 'input_text' ? part.text : ''))
      .join('');
  }
  return '';
}

/** `/tool <name> <json>` lines: the calls a message asks for. */
export function toolLines(text) {
  const calls = [];
  for (const line of text.split('\n')) {
    const match = /^\s*\/tool\s+(\S+)\s*(.*)$/.exec(line);
    if (match) calls.push({ name: match[1], args: match[2].trim() ? JSON.parse(match[2]) : {} });
  }
  return calls;
}

export function errorTrigger(text) {
  const match = /\[\[error (\d{3})\]\]/.exec(text);
  return match ? Number(match[1]) : null;
}

/** Deterministic ids: the same conversation gives the same ids. */
export function idFor(prefix, seed) {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0;
  return `${prefix}${h.toString(36).padStart(7, '0')}`;
}

/** A rough token count, enough for usage figures: words and punctuation. */
export function tokens(text) {
  return Math.max(1, (String(text).match(/\w+|[^\s\w]/g) ?? []).length);
}

/**
 * What to answer, independent of the wire format. `tools` are {name, schema}; `toolResults` the
 * results that came back after the last assistant turn ({name, content}); `forced` the tool a
 * tool_choice names, `choice` one of auto|none|required.
 */
export function decide({ lastUserText, tools, toolResults, forced, choice, schema }) {
  if (toolResults.length) {
    return { text: toolResults.map((r) => `Tool ${r.name} returned ${r.content}`).join('\n') };
  }
  if (tools.length && choice !== 'none') {
    const asked = toolLines(lastUserText).filter((c) => tools.some((t) => t.name === c.name));
    if (forced) {
      const tool = tools.find((t) => t.name === forced);
      if (tool) {
        const line = asked.find((c) => c.name === forced);
        return { calls: [{ name: forced, args: line ? line.args : sampleFromSchema(tool.schema) }] };
      }
    }
    if (asked.length) return { calls: asked };
    return { calls: [{ name: tools[0].name, args: sampleFromSchema(tools[0].schema) }] };
  }
  if (schema) return { text: JSON.stringify(sampleFromSchema(schema)) };
  return { text: `Hello from the fake upstream. You said: ${lastUserText}` };
}
