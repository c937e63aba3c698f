package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.testing.ApiClient;
import dev.parley.testing.IntegrationTest;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.handler.TracingObservationHandler;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Without an OTLP endpoint there is no tracing at all: no tracer, no tracing observation handler, no
 * OpenTelemetry SDK, span processor or exporter, and the registry the modules observe their
 * provider calls and tool steps in is the no-op one, so that a request costs what it did before.
 */
@IntegrationTest
class TracingOffIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	Traces traces;

	@Autowired
	ApiClient api;

	@Test
	void noTracerNoSdkAndNoSpansWithoutAnEndpoint() {
		assertThat(context.getEnvironment().getProperty(TracingSwitch.ENDPOINT)).isBlank();
		assertThat(context.getBeanNamesForType(io.micrometer.tracing.Tracer.class)).isEmpty();
		assertThat(context.getBeanNamesForType(TracingObservationHandler.class)).isEmpty();
		assertThat(context.getBeanNamesForType(OpenTelemetry.class)).isEmpty();
		assertThat(context.getBeanNamesForType(SpanProcessor.class)).isEmpty();
		assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
		assertThat(context.getBeansOfType(ObservationHandler.class).values())
			.noneMatch(handler -> handler.getClass().getName().contains("tracing"));

		assertThat(traces.registry()).isSameAs(ObservationRegistry.NOOP);
		// A request in progress is observed (as http.server.requests, for its metrics), never as a span.
		assertThat(api.get("/api/v1/users/me", api.register().accessToken()).status()).isEqualTo(200);
		assertThat(traces.current()).isNull();
	}
}
