package dev.parley.console;

import dev.parley.platform.PublicEndpoints;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The console's files are public (the page itself holds no data; every call it makes carries the
 * user's token), and each of them is served with {@link ConsoleHeaders}.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

	static final String[] PATHS = { "/", "/index.html", "/console/**", "/webjars/**", "/vendor/**", "/favicon.ico" };

	@Bean
	PublicEndpoints consolePublicEndpoints() {
		return PublicEndpoints.of(PATHS);
	}

	@Bean
	FilterRegistrationBean<ConsoleHeaders> consoleHeaders() {
		FilterRegistrationBean<ConsoleHeaders> registration = new FilterRegistrationBean<>(new ConsoleHeaders());
		registration.addUrlPatterns("/", "/index.html", "/console/*", "/webjars/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}

	/** /redoc has a policy of its own: ReDoc needs inline styles and blob: workers, the console does not. */
	@Bean
	FilterRegistrationBean<RedocHeaders> redocHeaders() {
		FilterRegistrationBean<RedocHeaders> registration = new FilterRegistrationBean<>(new RedocHeaders());
		registration.addUrlPatterns("/redoc", "/redoc.html");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
		return registration;
	}
}
