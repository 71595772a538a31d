package com.acme.tiering.api;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A trivial answer behind the same security as tier lookups, so that a sales system can check its key and its
 * connection, and so that bench/http-bench.sh can measure what the framework alone costs per request (the
 * ceiling a tier lookup is compared with).
 */
@RestController
@RequestMapping("/api/v1")
class PingController {

    record Pong(String status) {
    }

    private static final Pong UP = new Pong("UP");

    @GetMapping("/ping")
    Pong ping() {
        return UP;
    }
}
