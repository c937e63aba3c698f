package dev.parley.ai.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import dev.parley.platform.InvalidFields;
import org.junit.jupiter.api.Test;

/** The request fields the pass-through reads and rewrites, in the client's own bytes. */
class ChatRequestFieldsTests {

	@Test
	void renamesTheModelAndLeavesEveryOtherByteAlone() {
		String body = "{ \"messages\" : [ {\"role\":\"user\",\"content\":\"\\\"model\\\":\\\"x\\\"\"} ],\n"
				+ "  \"model\" : \"openai\\/gpt-4o-mini\" , \"temperature\": 1e-1 }";
		ChatRequestFields fields = scan(body);

		assertThat(fields.model()).isEqualTo("openai/gpt-4o-mini");
		assertThat(upstream(fields)).isEqualTo(body.replace("\"openai\\/gpt-4o-mini\"", "\"gpt-4o-mini\""));
	}

	@Test
	void namesTheModelWhenTheClientLeftItToTheDefault() {
		assertThat(upstream(scan("{}"))).isEqualTo("{\"model\":\"gpt-4o-mini\"}");
		assertThat(upstream(scan("{\"messages\":[]}"))).isEqualTo("{\"model\":\"gpt-4o-mini\",\"messages\":[]}");
		assertThat(upstream(scan("{\"messages\":[],\"model\":null}"))).isEqualTo("{\"messages\":[],\"model\":\"gpt-4o-mini\"}");
	}

	@Test
	void asksAStreamForItsUsageHoweverTheClientWroteItsOptions() {
		assertThat(upstream(scan("{\"model\":\"m\",\"stream\":true}")))
			.isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(upstream(scan("{\"model\":\"m\",\"stream\":true,\"stream_options\":{}}")))
			.isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(upstream(scan("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"x\":1}}")))
			.isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true,\"x\":1}}");
		assertThat(upstream(scan("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}")))
			.isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(upstream(scan("{\"model\":\"m\",\"stream\":true,\"stream_options\":null}")))
			.isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(scan("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":false}}").usageAsked()).isFalse();

		ChatRequestFields asked = scan("{\"model\":\"m\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(asked.usageAsked()).isTrue();
		assertThat(upstream(asked)).isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"stream_options\":{\"include_usage\":true}}");
		assertThat(upstream(scan("{\"model\":\"m\",\"stream\":false}"))).isEqualTo("{\"model\":\"gpt-4o-mini\",\"stream\":false}");
	}

	@Test
	void lowersOnlyTokenLimitsAboveTheCap() {
		assertThat(upstream(scan("{\"model\":\"m\",\"max_tokens\":5000,\"max_completion_tokens\":99}")))
			.isEqualTo("{\"model\":\"gpt-4o-mini\",\"max_tokens\":1000,\"max_completion_tokens\":99}");
		assertThat(upstream(scan("{\"model\":\"m\"}"))).doesNotContain("max_tokens");
	}

	@Test
	void refusesABodyThatIsNotOneJsonObject() {
		for (String body : new String[] { "", "[1]", "nope", "{\"model\":\"m\"} {}", "{\"model\":", "{\"model\":5}" }) {
			assertThatThrownBy(() -> scan(body)).as(body).isInstanceOf(InvalidFields.class);
		}
	}

	private static ChatRequestFields scan(String body) {
		return ChatRequestFields.scan(body.getBytes(StandardCharsets.UTF_8));
	}

	private static String upstream(ChatRequestFields fields) {
		return new String(fields.forUpstream("gpt-4o-mini", 1000), StandardCharsets.UTF_8);
	}
}
