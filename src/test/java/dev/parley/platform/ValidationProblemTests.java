package dev.parley.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Invalid fields are one mechanism: every fact that names fields is an {@link InvalidFields}. */
class ValidationProblemTests {

	static final JavaClasses PARLEY = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.parley");

	@Test
	void onlyInvalidFieldsReportsFields() {
		List<String> copies = PARLEY.stream()
			.filter(type -> type.isAssignableTo(ParleyException.class))
			.filter(type -> !type.isEquivalentTo(ParleyException.class) && !type.isEquivalentTo(InvalidFields.class))
			.filter(type -> type.getMethods().stream().anyMatch(method -> method.getName().equals("invalidFields")))
			.map(JavaClass::getName)
			.toList();

		assertThat(copies).as("facts that report fields their own way instead of extending InvalidFields").isEmpty();
	}
}
