package dev.hook0mcp.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The packages follow the flow config → token → hook0 → access → engine → results → mcp → transport, with the
 * top package (Main, Launcher, ServerCore, CheckCommand) wiring them: no package cycles, and nothing below the
 * top depends on it.
 */
class PackageFlowTest {

    private static final JavaClasses SERVER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.hook0mcp.server");

    @Test
    void noPackageCycles() {
        slices().matching("dev.hook0mcp.server.(**)").should().beFreeOfCycles().check(SERVER);
    }

    @Test
    void nothingBelowTheTopDependsOnIt() {
        noClasses().that().resideOutsideOfPackage("dev.hook0mcp.server")
                .should().dependOnClassesThat().resideInAPackage("dev.hook0mcp.server")
                .check(SERVER);
    }

    @Test
    void transportsDependOnTheMcpLayerNeverTheReverse() {
        noClasses().that().resideOutsideOfPackages("dev.hook0mcp.server", "dev.hook0mcp.server.transport..")
                .should().dependOnClassesThat().resideInAPackage("dev.hook0mcp.server.transport..")
                .check(SERVER);
    }

    @Test
    void resultsAndLowerLayersKnowNothingOfMcpOrTheEngine() {
        noClasses().that().resideInAnyPackage("dev.hook0mcp.server.config..", "dev.hook0mcp.server.token..",
                        "dev.hook0mcp.server.hook0..", "dev.hook0mcp.server.json..", "dev.hook0mcp.server.logging..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.hook0mcp.server.access..",
                        "dev.hook0mcp.server.engine..", "dev.hook0mcp.server.results..", "dev.hook0mcp.server.mcp..")
                .check(SERVER);
    }
}
