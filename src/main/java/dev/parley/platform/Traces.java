package dev.parley.platform;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Where the modules observe what they want as spans of a trace (a provider call, a tool step): the
 * Micrometer registry to create their observations in, and how the observation a request runs in
 * stays the parent of work it hands to another thread. When tracing is off (no OTLP endpoint, README
 * "OpenTelemetry traces") the registry is {@link ObservationRegistry#NOOP}: such observations are
 * never created, and cost nothing.
 */
@Component
public class Traces {

	private static final Traces OFF = new Traces(ObservationRegistry.NOOP);

	private final ObservationRegistry registry;

	@Autowired
	Traces(ObjectProvider<ObservationRegistry> registry, Environment environment) {
		this(TracingSwitch.on(environment) ? registry.getIfAvailable(() -> ObservationRegistry.NOOP)
				: ObservationRegistry.NOOP);
	}

	private Traces(ObservationRegistry registry) {
		this.registry = registry;
	}

	/** No tracing at all: for objects built by hand. */
	public static Traces off() {
		return OFF;
	}

	/** Observations in this registry, whatever the settings: for objects built by hand. */
	public static Traces in(ObservationRegistry registry) {
		return new Traces(registry);
	}

	/** The registry to create observations in; {@link ObservationRegistry#NOOP} when tracing is off. */
	public ObservationRegistry registry() {
		return registry;
	}

	/** The observation this thread runs in (a request's), or {@code null}: none, or tracing is off. */
	public @Nullable Observation current() {
		return registry.getCurrentObservation();
	}

	/**
	 * The task, run in the scope of {@code parent} on whatever thread runs it, so that what it observes
	 * is a child of {@code parent}; the task itself when there is no parent.
	 */
	public Runnable within(@Nullable Observation parent, Runnable task) {
		if (parent == null) {
			return task;
		}
		return () -> {
			try (Observation.Scope scope = parent.openScope()) {
				task.run();
			}
		};
	}
}
