package com.acme.tiering.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.security.ApiKeys;

/** Administrators create and revoke the API keys of sales systems and integrations. */
@RestController
@RequestMapping("/api/v1/admin/api-keys")
class AdminController {

    private final ApiKeys keys;

    AdminController(ApiKeys keys) {
        this.keys = keys;
    }

    /** @param role SALES_SYSTEM (lookups and what-if) or INGESTION (customers, orders, interactions) */
    record KeyRequest(@NotBlank @Size(max = 100) String name,
            @NotNull @Pattern(regexp = "SALES_SYSTEM|INGESTION", message = "must be SALES_SYSTEM or INGESTION")
            String role) {
    }

    /** The key's secret is in this answer only: it is stored as a hash. */
    @PostMapping
    ResponseEntity<ApiKeys.CreatedKey> create(@Valid @RequestBody KeyRequest request, Authentication who) {
        ApiKeys.CreatedKey created = keys.create(request.name().strip(), request.role(), who.getName());
        return ResponseEntity.created(URI.create("/api/v1/admin/api-keys/" + created.key().id())).body(created);
    }

    @GetMapping
    List<ApiKeys.ApiKey> list() {
        return keys.list();
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication who) {
        if (!keys.revoke(id, who.getName())) {
            throw AdminTargetUnknown.key(id);
        }
        return ResponseEntity.noContent().build();
    }
}
