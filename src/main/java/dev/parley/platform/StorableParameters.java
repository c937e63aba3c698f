package dev.parley.platform;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses query and form parameters ({@code ?q=%00}, {@code username=%00...}) that hold text
 * PostgreSQL cannot store, naming every such parameter, before the controller runs. Thrown from
 * here, the failure is answered by the controller's own problem handler ({@code /v1} in OpenAI's
 * shape).
 */
class StorableParameters implements HandlerInterceptor {

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof HandlerMethod)) {
			return true;
		}
		Map<String, String> refused = new LinkedHashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!StorableText.storable(name)) {
				refused.put("parameters", StorableText.KEY_MESSAGE);
				return;
			}
			for (String value : values) {
				if (!StorableText.storable(value)) {
					refused.put(name, StorableText.MESSAGE);
				}
			}
		});
		if (!refused.isEmpty()) {
			throw new InvalidFields(refused);
		}
		return true;
	}
}
