package dev.parley.catalog.recommendation;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** No recommendation with this id was made to the caller: it never existed, or it is someone else's. */
class RecommendationNotFound extends ParleyException {

	RecommendationNotFound() {
		super(ProblemKind.NOT_FOUND, "No such recommendation.");
	}
}
