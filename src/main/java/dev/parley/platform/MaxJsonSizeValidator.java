package dev.parley.platform;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Measures a {@link JsonDocument} as the database would store it. */
class MaxJsonSizeValidator implements ConstraintValidator<MaxJsonSize, JsonDocument> {

	private final JsonMapper jsonMapper;

	private int bytes;

	MaxJsonSizeValidator(JsonMapper jsonMapper) {
		this.jsonMapper = jsonMapper;
	}

	@Override
	public void initialize(MaxJsonSize annotation) {
		this.bytes = annotation.bytes();
	}

	@Override
	public boolean isValid(@Nullable JsonDocument document, ConstraintValidatorContext context) {
		return document == null || jsonMapper.writeValueAsBytes(document).length <= bytes;
	}
}
