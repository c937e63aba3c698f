package dev.parley.platform;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /redoc}: the API reference rendered by ReDoc from {@code /openapi.json}. */
@Controller
class RedocPage {

	@GetMapping("/redoc")
	String redoc() {
		return "forward:/redoc.html";
	}
}
