package dev.hook0mcp.server.engine;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hook0mcp.catalog.ToolCatalog;
import dev.hook0mcp.server.json.Json;
import org.junit.jupiter.api.Test;

class ArgumentValidatorTest {

    private final ArgumentValidator validator = new ArgumentValidator();
    private final ObjectNode schema = parse("""
            {"type":"object","additionalProperties":false,"required":["application_id","name"],
             "properties":{
               "application_id":{"type":"string","pattern":"^[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}$"},
               "name":{"type":"string","minLength":2,"maxLength":50},
               "method":{"type":"string","enum":["GET","POST"]},
               "labels":{"type":"object","minProperties":1,"additionalProperties":{"type":"string"}}}}
            """);

    private static ObjectNode parse(String json) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String problems(String args) {
        return assertThrows(ArgumentException.class, () -> validator.validate(schema, parse(args))).getMessage();
    }

    @Test
    void acceptsValidArguments() {
        assertDoesNotThrow(() -> validator.validate(schema,
                parse("{\"application_id\":\"0195a3c1-7f00-7000-8000-00000000b001\",\"name\":\"ok\",\"method\":\"GET\"}")));
    }

    @Test
    void unknownArgumentsAreRefusedAndTheAcceptedOnesListed() {
        String m = problems("{\"application_id\":\"0195a3c1-7f00-7000-8000-00000000b001\",\"name\":\"ok\",\"evil\":1}");
        assertTrue(m.contains("unknown argument 'evil'"), m);
        assertTrue(m.contains("accepted: application_id, name, method, labels"), m);
    }

    @Test
    void everyProblemNamesItsArgument() {
        assertTrue(problems("{\"name\":\"ok\"}").contains("missing required argument 'application_id'"));
        assertTrue(problems("{\"application_id\":\"nope\",\"name\":\"ok\"}")
                .contains("argument 'application_id': must be a UUID"));
        assertTrue(problems("{\"application_id\":\"0195a3c1-7f00-7000-8000-00000000b001\",\"name\":7}")
                .contains("argument 'name'"));
        assertTrue(problems("{\"application_id\":\"0195a3c1-7f00-7000-8000-00000000b001\",\"name\":\"ok\",\"method\":\"FETCH\"}")
                .contains("argument 'method'"));
        assertTrue(problems("{\"application_id\":\"0195a3c1-7f00-7000-8000-00000000b001\",\"name\":\"ok\",\"labels\":{}}")
                .contains("argument 'labels'"));
    }

    @Test
    void loneSurrogatesAreRefusedWhereverTheyAre() {
        String valid = "\"application_id\":\"0195a3c1-7f00-7000-8000-00000000b001\"";
        String lone = problems("{" + valid + ",\"name\":\"ab\\ud800\"}");
        assertTrue(lone.contains("argument 'name'") && lone.contains("unpaired UTF-16 surrogate (\\ud800 at character 2)"),
                lone);
        String low = problems("{" + valid + ",\"name\":\"ok\",\"labels\":{\"k\":\"\\udc00x\"}}");
        assertTrue(low.contains("argument 'labels.k'"), low);
        // Jackson (2.23) already refuses a broken pair in a field name while parsing; the validator's own check
        // still covers arguments that reach it as Java values.
        ObjectNode keyed = parse("{" + valid + ",\"name\":\"ok\"}");
        keyed.putObject("labels").put("\ud800", "x");
        String key = assertThrows(ArgumentException.class, () -> validator.validate(schema, keyed)).getMessage();
        assertTrue(key.contains("argument 'labels.…': a key contains an unpaired"), key);
        assertDoesNotThrow(() -> validator.validate(schema,
                parse("{" + valid + ",\"name\":\"smile \\ud83d\\ude00\"}")), "a surrogate pair is fine");
    }

    @Test
    void aDateTimeArgumentMustBeRfc3339WithItsOffset() {
        ObjectNode window = parse("""
                {"type":"object","additionalProperties":false,
                 "properties":{"min_created_at":{"type":"string","format":"date-time"}}}
                """);
        assertDoesNotThrow(() -> validator.validate(window, parse("{\"min_created_at\":\"2026-12-03T10:00:00Z\"}")));
        assertDoesNotThrow(() -> validator.validate(window, parse("{\"min_created_at\":\"2026-12-03T10:00:00.5+02:00\"}")));
        for (String bad : new String[] {"garbage", "2026-12-03T10:00:00", "2026-13-45T10:00:00Z"}) {
            String m = assertThrows(ArgumentException.class,
                    () -> validator.validate(window, parse("{\"min_created_at\":\"" + bad + "\"}"))).getMessage();
            assertTrue(m.contains("argument 'min_created_at'"), bad + " → " + m);
        }
    }

    @Test
    void aRangeWhoseMinimumIsAfterItsMaximumIsRefused() {
        ObjectNode range = parse("""
                {"type":"object","additionalProperties":false,
                 "properties":{"min_created_at":{"type":"string","format":"date-time"},
                               "max_created_at":{"type":"string","format":"date-time"}}}
                """);
        String m = assertThrows(ArgumentException.class, () -> validator.validate(range, parse(
                "{\"min_created_at\":\"2026-12-03T12:00:00Z\",\"max_created_at\":\"2026-12-03T13:00:00+02:00\"}")))
                .getMessage();
        assertTrue(m.contains("argument 'min_created_at' (2026-12-03T12:00:00Z) is after 'max_created_at'"), m);
        assertDoesNotThrow(() -> validator.validate(range, parse(
                "{\"min_created_at\":\"2026-12-03T10:00:00Z\",\"max_created_at\":\"2026-12-03T13:00:00+02:00\"}")));
        assertDoesNotThrow(() -> validator.validate(range, parse("{\"min_created_at\":\"2026-12-03T10:00:00Z\"}")));
    }

    @Test
    void aDayArgumentMustBeADayOfTheCalendar() {
        ObjectNode days = parse("""
                {"type":"object","additionalProperties":false,
                 "properties":{"from":{"type":"string","pattern":"^\\\\d{4}-\\\\d{2}-\\\\d{2}$"}}}
                """);
        String m = assertThrows(ArgumentException.class,
                () -> validator.validate(days, parse("{\"from\":\"2026-13-45\"}"))).getMessage();
        assertTrue(m.contains("argument 'from': 2026-13-45 is not a day of the calendar"), m);
        assertDoesNotThrow(() -> validator.validate(days, parse("{\"from\":\"2028-02-29\"}")));
    }

    @Test
    void textShapedLikeADayIsTextWhereTheSchemaAsksForNoDay() {
        ObjectNode named = parse("""
                {"type":"object","additionalProperties":false,"properties":{"name":{"type":"string"}}}
                """);
        assertDoesNotThrow(() -> validator.validate(named, parse("{\"name\":\"2026-02-30\"}")));
    }

    @Test
    void theDayPatternCheckedIsThePerDayToolsOwn() {
        for (String tool : new String[] {"get_events_per_day", "get_organization_events_per_day"}) {
            ObjectNode schema = ToolCatalog.standard().get(tool).inputSchema();
            assertEquals(ArgumentValidator.DAY_PATTERN, schema.path("properties").path("from").path("pattern").asText(), tool);
            assertEquals(ArgumentValidator.DAY_PATTERN, schema.path("properties").path("to").path("pattern").asText(), tool);
        }
    }
}
