package dev.parley.catalog.recommendation;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** The words of free text a request gives as context (occasion, recipient), lower case. */
final class Words {

	/** Words too common to say anything about a product. */
	private static final Set<String> STOP = Set.of("a", "an", "and", "for", "in", "my", "of", "on", "or", "the", "to",
			"with", "our", "her", "his", "their");

	private Words() {
	}

	static Set<String> of(@Nullable String... texts) {
		Set<String> words = new LinkedHashSet<>();
		for (String text : texts) {
			if (text == null) {
				continue;
			}
			for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
				if (word.length() >= 2 && !STOP.contains(word)) {
					words.add(word);
				}
			}
		}
		return words;
	}
}
