package dev.hook0mcp.server.mcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.json.JsonSchemas;
import org.junit.jupiter.api.Test;

class FirstCallPreparationTest {

    @Test
    void theValidatorsSampleSchemaCompilesAndAcceptsItsSample() {
        // false would mean the head start runs into an error path and prepares little of what a call uses
        assertTrue(JsonSchemas.prepare());
    }

    @Test
    void bothStepsRunThroughTheRealValidatorAndTheSdksAnswerType() {
        assertTrue(FirstCallPreparation.prepare());
    }
}
