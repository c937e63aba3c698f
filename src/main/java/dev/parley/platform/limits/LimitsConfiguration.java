package dev.parley.platform.limits;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Puts the {@link RateLimitedEndpoints} modules declare in front of their controllers. */
@Configuration(proxyBeanMethods = false)
class LimitsConfiguration implements WebMvcConfigurer {

	private final List<RateLimitedEndpoints> declared;

	private final RateLimits limits;

	LimitsConfiguration(List<RateLimitedEndpoints> declared, RateLimits limits) {
		this.declared = declared;
		this.limits = limits;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new EndpointRateLimiter(declared, limits));
	}
}
