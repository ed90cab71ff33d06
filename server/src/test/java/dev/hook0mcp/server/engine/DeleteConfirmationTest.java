package dev.hook0mcp.server.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hook0mcp.server.results.ToolOutcome;
import org.junit.jupiter.api.Test;

/** A confirmation form the user does not accept ends the call as not confirmed; the audit log shows that kind. */
class DeleteConfirmationTest {

    private static Interaction answering(Interaction.Answer answer) {
        return new Interaction() {
            @Override
            public boolean canAsk() {
                return true;
            }

            @Override
            public Answer ask(String message) {
                return answer;
            }

            @Override
            public void progress(double done, double total, String message) {
            }
        };
    }

    @Test
    void declinedOrCancelledIsNotConfirmedAndAcceptedGoesAhead() {
        for (Interaction.Answer no : new Interaction.Answer[] {Interaction.Answer.DECLINED, Interaction.Answer.CANCELLED}) {
            ToolOutcome outcome = DeleteConfirmation.ask(answering(no), "Delete?", "delete_application", "app x")
                    .orElseThrow();
            assertEquals(ToolOutcome.Kind.REFUSED, outcome.kind(), no.name() + ": a declined confirmation is a refusal");
            assertTrue(outcome.error());
            assertTrue(outcome.text().startsWith("delete_application not confirmed"), outcome.text());
        }
        assertTrue(DeleteConfirmation.ask(answering(Interaction.Answer.ACCEPTED), "Delete?", "delete_application",
                "app x").isEmpty());
    }
}
