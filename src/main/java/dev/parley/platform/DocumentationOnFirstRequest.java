package dev.parley.platform;

import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.type.MethodMetadata;

/**
 * Makes springdoc's beans lazy, so the OpenAPI machinery (springdoc, swagger-core and the Jackson 2
 * mapper it brings, about 1,500 classes) is created when {@code /openapi.json} or {@code /docs} is
 * first asked for, not at every start (idle memory and start-up, bench/README.md, issue 10). Beans
 * that other beans need at start-up (springdoc's MVC configurer) are still created then, as
 * dependencies; the description itself was always built on the first request.
 */
final class DocumentationOnFirstRequest implements BeanFactoryPostProcessor {

	private static final String SPRINGDOC = "org.springdoc.";

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		for (String name : beanFactory.getBeanDefinitionNames()) {
			BeanDefinition definition = beanFactory.getBeanDefinition(name);
			if (isSpringdoc(definition)) {
				definition.setLazyInit(true);
			}
		}
	}

	private static boolean isSpringdoc(BeanDefinition definition) {
		String className = definition.getBeanClassName();
		if (className != null && className.startsWith(SPRINGDOC)) {
			return true;
		}
		if (definition instanceof AnnotatedBeanDefinition annotated) {
			MethodMetadata factoryMethod = annotated.getFactoryMethodMetadata();
			return factoryMethod != null && factoryMethod.getDeclaringClassName().startsWith(SPRINGDOC);
		}
		return false;
	}
}
