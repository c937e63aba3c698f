package dev.parley.platform;

import java.util.List;

import org.springframework.util.unit.DataSize;

/**
 * Paths whose request bodies may be larger than {@code parley.platform.max-request-size} (file
 * uploads), up to {@code maxSize}. Modules declare a bean of this type, as they do
 * {@link PublicEndpoints}; the paths are matched exactly.
 */
public record LargeBodyEndpoints(List<String> paths, DataSize maxSize) {

	public LargeBodyEndpoints {
		paths = List.copyOf(paths);
	}
}
