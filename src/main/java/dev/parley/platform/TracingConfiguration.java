package dev.parley.platform;

import io.micrometer.observation.ObservationFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * What Parley adds to Spring Boot's tracing when it is on ({@link TracingSwitch}): a request's span
 * names its route ({@code /api/v1/chats/{chatId}/completions}), never its path, whose ids (a chat's,
 * a user's) would follow the trace out of Parley.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TracingConfiguration.TracingOn.class)
class TracingConfiguration {

	@Bean
	ObservationFilter requestPathsOutOfSpans() {
		return context -> {
			if (context instanceof ServerRequestObservationContext) {
				context.removeHighCardinalityKeyValue("http.url");
			}
			return context;
		};
	}

	static class TracingOn implements Condition {

		@Override
		public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return TracingSwitch.on(context.getEnvironment());
		}
	}
}
