package dev.parley.ai.fake;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.parley.ai.AiProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@link AiProperties} bound the way the application binds them, from {@code parley.ai.*} pairs. */
public final class AiSettings {

	private final Map<String, String> values = new LinkedHashMap<>();

	public static AiSettings of(String... keysAndValues) {
		AiSettings settings = new AiSettings();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			settings.set(keysAndValues[i], keysAndValues[i + 1]);
		}
		return settings;
	}

	/** Sets {@code parley.ai.<key>}. */
	public AiSettings set(String key, String value) {
		values.put("parley.ai." + key, value);
		return this;
	}

	public AiProperties bind() {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("parley.ai",
				Bindable.of(AiProperties.class));
	}
}
