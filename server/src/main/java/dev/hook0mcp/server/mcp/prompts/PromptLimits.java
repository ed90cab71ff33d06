package dev.hook0mcp.server.mcp.prompts;

import java.util.List;

/**
 * The limits the prompts state and enforce, read once from the catalogue's input schemas: the tools the prompts
 * lead to are the source of truth, so the texts follow the catalogue when it changes.
 */
public final class PromptLimits {

    /** create_application's name: the application_name argument and the "name: 2-50 characters" hints. */
    public static final SchemaLimits APPLICATION_NAME = SchemaLimits.of("create_application", "/properties/name");

    /** create_subscription's event_types: how many names the event_types argument may give. */
    public static final SchemaLimits EVENT_TYPES = SchemaLimits.of("create_subscription", "/properties/event_types");

    /** One name in create_subscription's event_types. */
    public static final SchemaLimits EVENT_TYPE_NAME = EVENT_TYPES.at("/items");

    /** create_subscription's labels: how many entries. */
    public static final SchemaLimits LABELS = SchemaLimits.of("create_subscription", "/properties/labels");

    /** One label value; the schema has no limit of its own for keys, Hook0 applies the same one. */
    public static final SchemaLimits LABEL_VALUE = LABELS.at("/additionalProperties");

    public static final SchemaLimits TARGET = SchemaLimits.of("create_subscription", "/properties/target");

    public static final SchemaLimits TARGET_HEADERS = TARGET.at("/properties/headers");

    public static final SchemaLimits DESCRIPTION = SchemaLimits.of("create_subscription", "/properties/description");

    /** The HTTP methods a subscription's target may use. */
    public static final List<String> TARGET_METHODS = TARGET.at("/properties/method").enumValues();

    /** Used when create_subscription's target.url states no maxLength. */
    static final int DEFAULT_TARGET_URL_MAX_LENGTH = 1000;

    public static final int TARGET_URL_MAX_LENGTH = TARGET.at("/properties/url").optional("maxLength")
            .orElse(DEFAULT_TARGET_URL_MAX_LENGTH);

    /** "1-50": the length of each of create_event_type's service, resource_type and verb. */
    public static final String EVENT_TYPE_PART_LENGTHS = sameLengths("create_event_type",
            "service", "resource_type", "verb");

    private PromptLimits() {}

    /** The prompts say "each part 1-50 characters": that holds only while the parts share their limits. */
    static String sameLengths(String tool, String... properties) {
        String first = SchemaLimits.of(tool, "/properties/" + properties[0]).lengths();
        for (String property : properties) {
            String lengths = SchemaLimits.of(tool, "/properties/" + property).lengths();
            if (!lengths.equals(first)) {
                throw new IllegalStateException(tool + ": " + property + " is " + lengths + " characters but "
                        + properties[0] + " is " + first + "; the prompts say \"each part " + first + " characters\"");
            }
        }
        return first;
    }
}
