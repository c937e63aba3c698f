package dev.parley.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application, so time can be reasoned about (and replaced) in one place. */
@Configuration(proxyBeanMethods = false)
class Clocks {

	@Bean
	Clock clock() {
		// PostgreSQL keeps microseconds: ticking at that precision makes a stored time equal the one we hold.
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
	}
}
