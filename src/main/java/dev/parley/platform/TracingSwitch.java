package dev.parley.platform;

import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Leaves out Micrometer Tracing and the OpenTelemetry SDK (all of Spring Boot's auto-configurations
 * for them) unless an OTLP endpoint for traces is set ({@code PARLEY_OTLP_ENDPOINT}, or the standard
 * {@code OTEL_EXPORTER_OTLP_ENDPOINT}): with tracing off there is no tracer, no tracing observation
 * handler and no span processor, so a request costs what it cost before tracing existed.
 */
class TracingSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

	/** Spring Boot's setting that the README's tracing settings end up in. */
	static final String ENDPOINT = "management.opentelemetry.tracing.export.otlp.endpoint";

	private static final String[] TRACING_AUTO_CONFIGURATIONS = { "org.springframework.boot.micrometer.tracing.",
			"org.springframework.boot.opentelemetry." };

	private boolean on;

	/** Whether traces are exported: an OTLP endpoint is set. */
	static boolean on(Environment environment) {
		return StringUtils.hasText(environment.getProperty(ENDPOINT));
	}

	@Override
	public void setEnvironment(Environment environment) {
		this.on = on(environment);
	}

	@Override
	public boolean[] match(String[] autoConfigurationClasses, AutoConfigurationMetadata autoConfigurationMetadata) {
		boolean[] matches = new boolean[autoConfigurationClasses.length];
		for (int i = 0; i < autoConfigurationClasses.length; i++) {
			matches[i] = on || !tracing(autoConfigurationClasses[i]);
		}
		return matches;
	}

	private static boolean tracing(String autoConfiguration) {
		if (autoConfiguration == null) {
			return false;
		}
		for (String prefix : TRACING_AUTO_CONFIGURATIONS) {
			if (autoConfiguration.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}
}
