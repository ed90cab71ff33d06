package dev.hook0mcp.server.mcp.prompts;

import dev.hook0mcp.catalog.Uuids;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.APPLICATION_NAME;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.EVENT_TYPES;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.EVENT_TYPE_NAME;
import static dev.hook0mcp.server.mcp.prompts.PromptLimits.TARGET_URL_MAX_LENGTH;

import dev.hook0mcp.server.access.TokenDefaults;
import dev.hook0mcp.server.access.ToolSurface;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The arguments of one prompts/get, checked one at a time as a prompt asks for them: a bad or missing one is an
 * McpError (INVALID_PARAMS) that names it. Blank values count as missing; application_id and organization_id
 * default to the token's when it has one.
 */
public final class PromptArguments {

    private static final Pattern URL = Pattern.compile("^[hH][tT][tT][pP][sS]?://[^\\s\\p{Cc}]+$");
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}]");

    private final Map<String, String> values = new LinkedHashMap<>();
    private final TokenDefaults defaults;

    public PromptArguments(Map<String, Object> arguments, ToolSurface surface) {
        if (arguments != null) {
            arguments.forEach((k, v) -> {
                if (v != null && !String.valueOf(v).isBlank()) {
                    values.put(k, String.valueOf(v).strip());
                }
            });
        }
        this.defaults = surface.defaults();
    }

    /** The application_id argument, optional for a token restricted to one application. */
    public static McpSchema.PromptArgument applicationArgument(ToolSurface surface) {
        return idArgument("application_id", "Application", surface.defaults().applicationId());
    }

    /** The organization_id argument, optional when the token names its organization. */
    public static McpSchema.PromptArgument organizationArgument(ToolSurface surface) {
        return idArgument("organization_id", "Organization", surface.defaults().organizationId());
    }

    private static McpSchema.PromptArgument idArgument(String name, String title, String tokenDefault) {
        String description = title + " id (UUID)";
        if (tokenDefault != null) {
            description += "; optional: defaults to the token's " + title.toLowerCase(Locale.ROOT) + " ("
                    + tokenDefault + ")";
        }
        return new McpSchema.PromptArgument(name, title, description, tokenDefault == null);
    }

    public String application() {
        return uuidOr("application_id", defaults.applicationId());
    }

    public String organization() {
        return uuidOr("organization_id", defaults.organizationId());
    }

    /** The given UUID, or the token's own; another than the token's own is refused, as its tools would be. */
    private String uuidOr(String name, String tokenDefault) {
        if (tokenDefault == null) {
            return uuid(name);
        }
        if (!values.containsKey(name)) {
            return tokenDefault;
        }
        String given = uuid(name);
        if (!given.equalsIgnoreCase(tokenDefault)) {
            throw invalid(name + " " + given + " is not this token's: the token is limited to " + tokenDefault
                    + " (leave " + name + " out to use it)");
        }
        return given;
    }

    /** A UUID argument, lower-cased. */
    public String uuid(String name) {
        String value = values.get(name);
        if (value == null) {
            throw invalid("missing argument " + name + " (a UUID)");
        }
        if (!Uuids.isUuid(value)) {
            throw invalid(name + " must be a UUID");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /** target_url: an http(s) URL within create_subscription's target.url limit. */
    public String targetUrl() {
        String url = values.get("target_url");
        if (url == null) {
            throw invalid("missing argument target_url (the receiver's http or https URL)");
        }
        if (url.length() > TARGET_URL_MAX_LENGTH || !URL.matcher(url).matches()) {
            throw invalid("target_url must be an http or https URL of at most " + TARGET_URL_MAX_LENGTH
                    + " characters, without spaces");
        }
        return url;
    }

    /** event_types: comma-separated names, as many and as long as create_subscription's event_types allows. */
    public List<String> eventTypes() {
        String given = values.get("event_types");
        if (given == null) {
            throw invalid("missing argument event_types (comma-separated names service.resource_type.verb)");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String part : given.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.length() > EVENT_TYPE_NAME.maxLength() || CONTROL.matcher(name).find()
                    || name.chars().anyMatch(Character::isWhitespace)) {
                throw invalid("event_types: '" + CONTROL.matcher(name).replaceAll("?")
                        + "' is not an event type name (service.resource_type.verb)");
            }
            names.add(name);
        }
        if (names.size() < EVENT_TYPES.minItems() || names.size() > EVENT_TYPES.maxItems()) {
            throw invalid("event_types must name " + EVENT_TYPES.items() + " event types, comma-separated");
        }
        return List.copyOf(names);
    }

    /** application_name: as long as create_application's name allows, without control characters. */
    public String applicationName() {
        String name = values.get("application_name");
        if (name == null) {
            throw invalid("missing argument application_name (" + APPLICATION_NAME.lengths() + " characters)");
        }
        if (name.length() < APPLICATION_NAME.minLength() || name.length() > APPLICATION_NAME.maxLength()
                || CONTROL.matcher(name).find()) {
            throw invalid("application_name must be " + APPLICATION_NAME.lengths()
                    + " characters, without control characters");
        }
        return name;
    }

    public static McpError invalid(String message) {
        return McpError.builder(McpSchema.ErrorCodes.INVALID_PARAMS).message(message).build();
    }
}
