package com.acme.tiering.api;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.acme.tiering.customer.ConflictingRecord;
import com.acme.tiering.security.AppUsers;

/** Administrators create and disable the people who sign in (beside any configured under tiering.security.users). */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUserController {

    private static final String NAME = "[A-Za-z0-9._@-]{2,100}";

    private final AppUsers users;
    private final UserDetailsService signIn;

    AdminUserController(AppUsers users, UserDetailsService signIn) {
        this.users = users;
        this.signIn = signIn;
    }

    /** @param roles among OPS_MANAGER, RULE_AUTHOR, AUDITOR, ADMIN: people, not systems (those get API keys) */
    record UserRequest(
            @NotNull @Pattern(regexp = NAME, message = "must be 2-100 letters, digits or . _ @ -") String name,
            @NotBlank @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
            @NotEmpty @Size(max = 4) List<@NotNull @Pattern(regexp = "OPS_MANAGER|RULE_AUTHOR|AUDITOR|ADMIN",
                    message = "must be one of OPS_MANAGER, RULE_AUTHOR, AUDITOR, ADMIN") String> roles) {
    }

    @PostMapping
    ResponseEntity<AppUsers.AppUser> create(@Valid @RequestBody UserRequest request, Authentication who) {
        // A configured user of the same name would be found first at sign-in: the new one could never sign in.
        if (exists(request.name()) || !users.create(request.name(), request.password(), request.roles(), who.getName())) {
            throw ConflictingRecord.taken("name", "A user named '" + request.name() + "' exists already");
        }
        return ResponseEntity.created(URI.create("/api/v1/admin/users/" + request.name()))
                .body(users.find(request.name()).orElseThrow());
    }

    private boolean exists(String name) {
        try {
            signIn.loadUserByUsername(name);
            return true;
        }
        catch (UsernameNotFoundException unknown) {
            return false;
        }
    }

    @GetMapping
    List<AppUsers.AppUser> list() {
        return users.list();
    }

    @DeleteMapping("/{name}")
    ResponseEntity<Void> disable(@PathVariable @Pattern(regexp = NAME, message = "is not a user name") String name,
            Authentication who) {
        if (!users.disable(name, who.getName())) {
            throw AdminTargetUnknown.user(name);
        }
        return ResponseEntity.noContent().build();
    }
}
