package com.acme.tiering.web;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; on the embedded default it lists the demo users printed at start-up. */
@Controller
class LoginController {

    private final boolean embedded;

    LoginController(Environment environment, com.acme.tiering.TieringProperties properties) {
        String url = environment.getProperty("spring.datasource.url");
        this.embedded = (url == null || url.startsWith("jdbc:h2:")) && properties.security().users().isEmpty();
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("demoUsers", embedded);
        return "login";
    }
}
