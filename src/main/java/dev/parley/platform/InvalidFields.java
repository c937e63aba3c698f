package dev.parley.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request with fields that fail their checks, each named as it is on the wire with what is wrong
 * with it. Rendered as the one validation problem ({@code errors: [{field, message}]}).
 */
public class InvalidFields extends ParleyException {

	private final Map<String, String> fields;

	public InvalidFields(Map<String, String> fields) {
		this("The request has invalid fields.", fields);
	}

	/**
	 * For the named facts that are invalid fields ({@code WeakPassword}, {@code UnknownModel} ...):
	 * they say what is wrong in their own words, and are rendered as this one problem.
	 */
	protected InvalidFields(String detail, Map<String, String> fields) {
		super(ProblemKind.INVALID_REQUEST, detail);
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
	}

	/** One field that fails its check; the reason is also the problem's detail. */
	public static InvalidFields of(String field, String reason) {
		return new InvalidFields(reason, Map.of(field, reason));
	}

	@Override
	public Map<String, String> invalidFields() {
		return fields;
	}
}
