package com.acme.tiering.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.acme.tiering.decision.StoredTierLookup;
import com.acme.tiering.decision.TierLookup;
import com.acme.tiering.support.ServiceTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document describes the JSON the API really sends and reads (issue 14 item 10): no schema of a
 * library's internal type (Jackson's JsonNode with valueNode, missingNode, nodeType...), every {@code $ref} leads to
 * a schema, and every record an endpoint reads or answers has a schema of its own with exactly its fields, so that
 * two types of one simple name cannot share one schema.
 */
@ServiceTest
class OpenApiDocumentTests {

    /** Properties only a library's internal type has: Jackson's tree nodes, exceptions, Spring's responses. */
    private static final Set<String> INTERNAL_PROPERTIES = Set.of("valueNode", "missingNode", "nodeType",
            "container", "pojo", "containerNode", "stackTrace", "localizedMessage", "statusCodeValue");

    private static final Set<String> INTERNAL_NAMES = Set.of("JsonNode", "ObjectNode", "ArrayNode",
            "StreamingResponseBody", "ResponseEntity", "HttpStatusCode", "Throwable", "StackTraceElement");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private JsonNode document;

    @BeforeEach
    void readTheDocument() throws Exception {
        String text = mvc.perform(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        document = json.readTree(text);
    }

    @Test
    void noSchemaDescribesALibrarysInternalType() {
        JsonNode schemas = document.path("components").path("schemas");
        assertThat(schemas.propertyNames()).hasSizeGreaterThan(30).doesNotContainAnyElementsOf(INTERNAL_NAMES);
        List<String> leaks = new ArrayList<>();
        for (String name : schemas.propertyNames()) {
            for (String property : schemas.path(name).path("properties").propertyNames()) {
                if (INTERNAL_PROPERTIES.contains(property)) {
                    leaks.add(name + "." + property);
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theAuditLogsBeforeAndAfterAreFreeFormObjects() {
        JsonNode entry = document.path("components").path("schemas").path("AuditEntry").path("properties");
        for (String side : List.of("before", "after")) {
            assertThat(entry.path(side).path("type").asString()).as(side).isEqualTo("object");
            assertThat(entry.path(side).has("$ref")).as(side).isFalse();
            assertThat(entry.path(side).has("properties")).as(side).isFalse();
        }
    }

    /** Entitlements are the columns the plan table declares (issue 16): a map of typed values, not fixed fields. */
    @Test
    void entitlementsAreAMapOfBooleansNumbersAndTexts() {
        JsonNode schemas = document.path("components").path("schemas");
        for (String answer : List.of("TierLookup", "Decision")) {
            JsonNode plan = schemas.path(answer).path("properties").path("servicePlan");
            JsonNode servicePlan = plan.has("$ref")
                    ? schemas.path(plan.path("$ref").asString().substring("#/components/schemas/".length())) : plan;
            JsonNode entitlements = servicePlan.path("properties").path("entitlements");
            assertThat(entitlements.path("type").asString()).as(answer).isEqualTo("object");
            assertThat(entitlements.has("properties")).as(answer).isFalse();
            List<String> types = new ArrayList<>();
            entitlements.path("additionalProperties").path("anyOf").forEach(t -> types.add(t.path("type").asString()));
            assertThat(types).as(answer).containsExactlyInAnyOrder("boolean", "integer", "number", "string");
            assertThat(entitlements.path("description").asString()).as(answer).contains("yes/no columns as booleans",
                    "integer columns as integers", "decimal columns as numbers", "text and code columns as strings");
            JsonNode example = entitlements.path("example");
            assertThat(example.path("freeShipping").isBoolean()).as(answer).isTrue();
            assertThat(example.path("freeShipping").asBoolean()).as(answer).isFalse();
            assertThat(example.path("responseSlaHours").isIntegralNumber()).as(answer).isTrue();
            assertThat(example.path("专属客服").asString()).as(answer).isEqualTo("王经理");
        }
    }

    @Test
    void everyReferenceLeadsToASchema() {
        Set<String> schemas = new TreeSet<>(document.path("components").path("schemas").propertyNames());
        List<String> references = new ArrayList<>();
        collectReferences(document, references);
        assertThat(references).hasSizeGreaterThan(50);
        assertThat(references).allSatisfy(reference -> {
            assertThat(reference).startsWith("#/components/schemas/");
            assertThat(schemas).contains(reference.substring("#/components/schemas/".length()));
        });
    }

    @Test
    void everyRecordAnEndpointReadsOrAnswersHasASchemaWithExactlyItsFields() {
        Map<String, Class<?>> records = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mappings.getHandlerMethods().entrySet()) {
            if (!handler.getKey().getPatternValues().stream().allMatch(path -> path.startsWith("/api/"))) {
                continue;
            }
            HandlerMethod method = handler.getValue();
            collectRecords(method.getMethod().getGenericReturnType(), records);
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    collectRecords(parameter.getGenericParameterType(), records);
                }
            }
        }
        assertThat(records).containsKeys("AuditEntry", "Decision", "Reason", "CustomerFacts", "OverrideRequest");
        JsonNode schemas = document.path("components").path("schemas");
        List<String> wrong = new ArrayList<>();
        records.forEach((name, type) -> {
            Set<String> fields = fields(type);
            Set<String> documented = new TreeSet<>(schemas.path(name).path("properties").propertyNames());
            if (!fields.equals(documented)) {
                wrong.add(name + " (" + type.getName() + "): fields " + fields + ", documented " + documented);
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** The JSON fields of a record: its components, an unwrapped one's own fields in its place. */
    private static Set<String> fields(Class<?> record) {
        Set<String> fields = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)) {
                fields.addAll(fields(component.getType()));
            }
            else {
                fields.add(component.getName());
            }
        }
        return fields;
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            node.properties().forEach(property -> {
                if (property.getKey().equals("$ref")) {
                    references.add(property.getValue().asString());
                }
                else {
                    collectReferences(property.getValue(), references);
                }
            });
        }
        else if (node.isArray()) {
            node.forEach(element -> collectReferences(element, references));
        }
    }

    /**
     * The records a type is made of, through lists, maps and other records, by simple name; a second record of the
     * same simple name is recorded under its full name, so that it fails to find its own schema.
     */
    private static void collectRecords(Type type, Map<String, Class<?>> records) {
        if (type instanceof ParameterizedType parameterized) {
            Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collectRecords(argument, records));
            return;
        }
        if (type == StoredTierLookup.class) {
            collectRecords(TierLookup.class, records); // written as the TierLookup it holds (OpenApiConfiguration)
            return;
        }
        if (!(type instanceof Class<?> record) || !record.isRecord() || records.containsValue(record)
                || !record.getPackageName().startsWith("com.acme.tiering")) {
            return;
        }
        Set<String> names = new LinkedHashSet<>(records.keySet());
        records.put(names.contains(record.getSimpleName()) ? record.getName() : record.getSimpleName(), record);
        for (RecordComponent component : record.getRecordComponents()) {
            collectRecords(component.getGenericType(), records);
        }
    }
}
