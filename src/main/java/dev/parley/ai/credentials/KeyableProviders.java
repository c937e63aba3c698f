package dev.parley.ai.credentials;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The providers a user may store a key for: those a model id can name. That is the well-known ones
 * of {@code parley.ai.credentials.providers} and every provider configured by name under
 * {@code parley.ai.providers} (OpenAI-compatible servers such as {@code groq}). The development
 * model {@code local} needs no key and is not among them.
 */
@Component
class KeyableProviders {

	static final String CONFIGURED_PROVIDERS = "parley.ai.providers";

	private final Set<String> names = new TreeSet<>();

	KeyableProviders(CredentialsProperties properties, Environment environment) {
		properties.providers().forEach(name -> names.add(normalize(name)));
		Binder.get(environment)
			.bind(CONFIGURED_PROVIDERS, Bindable.mapOf(String.class, Object.class))
			.orElse(Map.of())
			.keySet()
			.forEach(name -> names.add(normalize(name)));
		names.remove("local");
	}

	boolean contains(@Nullable String provider) {
		return provider != null && names.contains(provider);
	}

	Set<String> names() {
		return Set.copyOf(names);
	}

	private static String normalize(String name) {
		return name.trim().toLowerCase(Locale.ROOT);
	}
}
