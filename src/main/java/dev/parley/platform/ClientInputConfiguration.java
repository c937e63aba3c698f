package dev.parley.platform;

import java.time.Instant;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;

/**
 * What the server takes from a client, checked once for every route before a controller sees it:
 * JSON bodies through {@link ClientJsonModule} with no coercion between scalar types (a JSON number
 * still reads into a {@code double}: that is no coercion), query and form parameters through
 * {@link StorableParameters}, and times in query parameters through {@link InstantParameters}.
 */
@Configuration(proxyBeanMethods = false)
class ClientInputConfiguration implements WebMvcConfigurer {

	@Bean
	JsonMapperBuilderCustomizer clientJson() {
		return builder -> builder.addModule(new ClientJsonModule())
			.disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new StorableParameters());
	}

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.addFormatterForFieldType(Instant.class, new InstantParameters());
	}
}
