package dev.parley.catalog;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No category has this id. */
public class CategoryNotFound extends ParleyException {

	CategoryNotFound() {
		super(ProblemKind.NOT_FOUND, "No such category.");
	}
}
