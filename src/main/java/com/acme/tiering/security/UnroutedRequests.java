package com.acme.tiering.security;

import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Requests that no controller answers at their path, or none with their method: they reach Spring MVC, which
 * answers 404 or 405, instead of a 403 that would tell a client its role is wrong when its address is. Nothing
 * runs for them, so letting any authenticated caller through shows no more than the OpenAPI document does.
 */
final class UnroutedRequests implements RequestMatcher {

    private final ObjectProvider<RequestMappingInfoHandlerMapping> mappings;

    UnroutedRequests(ObjectProvider<RequestMappingInfoHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        // Looking a handler up sets request attributes (the path, its variables) that must not leak into the
        // real dispatch, so the lookup happens on a copy of the attributes.
        HttpServletRequest probe = new PrivateAttributes(request);
        ServletRequestPathUtils.parseAndCache(probe);
        return mappings.orderedStream().noneMatch(mapping -> routes(mapping, probe));
    }

    private static boolean routes(RequestMappingInfoHandlerMapping mapping, HttpServletRequest request) {
        try {
            return mapping.getHandler(request) != null;
        }
        catch (HttpRequestMethodNotSupportedException wrongMethod) {
            return false;
        }
        catch (Exception refusedOtherwise) {
            // the path and method have a controller that refuses this request for another reason (415, 406):
            // its own rule decides who may hear that
            return true;
        }
    }

    /** The request with attributes of its own: reads fall back to the real request, writes stay here. */
    private static final class PrivateAttributes extends HttpServletRequestWrapper {

        private final Map<String, Object> attributes = new HashMap<>();
        private final Set<String> removed = new HashSet<>();

        PrivateAttributes(HttpServletRequest request) {
            super(request);
        }

        @Override
        public Object getAttribute(String name) {
            if (removed.contains(name)) {
                return null;
            }
            return attributes.containsKey(name) ? attributes.get(name) : super.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            removed.remove(name);
            attributes.put(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            attributes.remove(name);
            removed.add(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            Set<String> names = new HashSet<>(Collections.list(super.getAttributeNames()));
            names.addAll(attributes.keySet());
            names.removeAll(removed);
            return Collections.enumeration(names);
        }
    }
}
