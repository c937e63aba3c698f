package dev.parley.agents.mcp;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** What a PATCH asks to change; {@code null} leaves a field as it is. */
record McpServerChanges(@Nullable String name, @Nullable String url, @Nullable String transport,
		@Nullable Map<String, String> headers) {

	@Override
	public String toString() {
		return "McpServerChanges[name=" + name + ", url=" + url + ", transport=" + transport + ", headers="
				+ (headers == null ? null : headers.keySet()) + "]";
	}
}
