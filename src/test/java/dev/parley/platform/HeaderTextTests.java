package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeaderTextTests {

	/** StrictHttpFirewall's own patterns (Spring Security 7.1), which {@link HeaderText} replaces. */
	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void decidesEveryCodePointAsTheFirewallsPatterns() {
		for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
			String text = "a" + Character.toString(codePoint) + "b";
			assertThat(HeaderText.allowedName(text)).as("name U+%04X", codePoint).isEqualTo(NAMES.matcher(text).matches());
			assertThat(HeaderText.allowedValue(text)).as("value U+%04X", codePoint)
				.isEqualTo(VALUES.matcher(text).matches());
		}
	}

	@Test
	void decidesTextsAsTheFirewallsPatterns() {
		List<String> texts = new ArrayList<>(List.of("", "Bearer eyJ0eXAi.eyJzdWIi.S2bdTP5g", "text/html, */*;q=0.8",
				"a\tb", "\t", "a\nb", "a\rb", "\u0000", "\u007f", "\u0085", "caf\u00e9", "\u00a0", "\ud83d\ude00",
				"\ud83d", "x\ude00y", "\ud83dx", "\u0378", "\ufffe", "\uffff", "\ue000"));
		for (String text : texts) {
			assertThat(HeaderText.allowedName(text)).as("name %s", text).isEqualTo(NAMES.matcher(text).matches());
			assertThat(HeaderText.allowedValue(text)).as("value %s", text).isEqualTo(VALUES.matcher(text).matches());
		}
	}

	@Test
	void refusesControlCharactersButTheTabInValues() {
		assertThat(HeaderText.allowedValue("a\tb")).isTrue();
		assertThat(HeaderText.allowedName("a\tb")).isFalse();
		assertThat(HeaderText.allowedValue("a\r\nb")).isFalse();
		assertThat(HeaderText.allowedValue("a\u0378b")).isFalse();
	}
}
