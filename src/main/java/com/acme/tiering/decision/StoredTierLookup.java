package com.acme.tiering.decision;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JacksonSerializable;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.jsontype.TypeSerializer;

/**
 * A {@link TierLookup} as recorded with the decision (current_decision.lookup_json), written into a response as
 * it is: a lookup neither parses nor serialises it again, which was most of what a lookup cost beyond the
 * framework. The text is what the service's JSON mapper wrote for the TierLookup when the decision was made, so a
 * change to TierLookup's fields or to how the service writes JSON needs a migration that sets lookup_json to NULL;
 * lookups then derive the answer from the whole decision until the customer's next evaluation.
 *
 * @param json the TierLookup as JSON
 */
public record StoredTierLookup(String customerId, String json) implements JacksonSerializable {

    @Override
    public void serialize(JsonGenerator generator, SerializationContext context) {
        generator.writeRawValue(json);
    }

    @Override
    public void serializeWithType(JsonGenerator generator, SerializationContext context, TypeSerializer types) {
        serialize(generator, context);
    }
}
