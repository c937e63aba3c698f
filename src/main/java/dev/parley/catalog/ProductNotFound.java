package dev.parley.catalog;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No product has this id, or it is inactive and the caller is not an admin. */
public class ProductNotFound extends ParleyException {

	ProductNotFound() {
		super(ProblemKind.NOT_FOUND, "No such product.");
	}
}
