package dev.parley.catalog;

import dev.parley.platform.ParleyException;
import dev.parley.platform.ProblemKind;

/** A change of the category tree that the tree as it is refuses: a name taken among siblings, a category still in use. */
class CategoryConflict extends ParleyException {

	private CategoryConflict(String detail) {
		super(ProblemKind.CONFLICT, detail);
	}

	static CategoryConflict nameTaken() {
		return new CategoryConflict("A category of this name (ignoring case) has the same parent already.");
	}

	static CategoryConflict inUse(long products, long children) {
		return new CategoryConflict("The category holds " + products + " products and " + children
				+ " subcategories; delete it with ?move_to=<category_id> to move them there.");
	}
}
