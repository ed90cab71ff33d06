package dev.hook0mcp.catalog;

import static dev.hook0mcp.catalog.CatalogFixtures.catalog;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Which tools exist, what they are called, and that every file is listed exactly once. */
class CatalogueNamesTest {

    /** Claude Desktop accepts ^[a-zA-Z0-9_-]{1,64}$ and Claude Code prefixes mcp__hook0__; we stay well inside. */
    private static final Pattern NAME = Pattern.compile("^[a-z0-9_]{1,32}$");

    @Test
    void toolsListHoldsTheReadsThenTheWrites() {
        List<Boolean> reads = catalog().tools().stream().map(ToolDefinition::isRead).toList();
        int firstWrite = reads.indexOf(false);
        assertTrue(firstWrite > 0, "the catalogue has reads and writes");
        assertTrue(reads.subList(firstWrite, reads.size()).stream().noneMatch(r -> r),
                "tools.list must hold the reads grouped by resource, then the writes: " + catalog().tools().stream()
                        .map(ToolDefinition::name).toList());
    }

    @Test
    void namesArePortableAndUnique() {
        Set<String> seen = new HashSet<>();
        for (ToolDefinition tool : catalog().tools()) {
            assertTrue(NAME.matcher(tool.name()).matches(), "name must match " + NAME + ": " + tool.name());
            assertTrue(seen.add(tool.name()), "duplicate tool name: " + tool.name());
        }
    }

    @Test
    void eachFileIsNamedAfterItsTool() {
        for (String file : ToolCatalog.readIndex(getClass().getClassLoader())) {
            String name = CatalogFixtures.rawFile(file).path("name").asText();
            assertEquals(name + ".json", file, "file name must be the tool name + .json");
        }
    }

    @Test
    void toolsListAndTheDirectoryHoldTheSameFiles() throws IOException {
        List<String> listed = ToolCatalog.readIndex(getClass().getClassLoader());
        assertEquals(listed.size(), new HashSet<>(listed).size(), "tools.list names a file twice: " + listed);
        Set<String> onDisk;
        try (Stream<Path> files = Files.list(CatalogFixtures.sourceDirectory())) {
            onDisk = files.map(p -> p.getFileName().toString())
                    .filter(f -> !f.equals("tools.list"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> notListed = new TreeSet<>(onDisk);
        listed.forEach(notListed::remove);
        Set<String> missing = new TreeSet<>(listed);
        missing.removeAll(onDisk);
        assertTrue(notListed.isEmpty(), "files in hook0-tools/ not listed in tools.list: " + notListed);
        assertTrue(missing.isEmpty(), "tools.list names files that do not exist: " + missing);
        assertTrue(onDisk.stream().allMatch(f -> f.endsWith(".json")), "only .json files belong there: " + onDisk);
    }

    @Test
    void titlesAndDescriptionsAreWritten() {
        List<String> problems = new ArrayList<>();
        for (ToolDefinition tool : catalog().tools()) {
            if (tool.title() == null || tool.title().isBlank() || tool.title().length() > 60) {
                problems.add(tool.name() + ": title must be 1-60 characters");
            }
            int length = tool.description().length();
            if (length < 120 || length > 900) {
                problems.add(tool.name() + ": description is " + length + " characters (keep it 120-900)");
            }
            if (!tool.description().equals(tool.description().strip()) || tool.description().contains("  ")) {
                problems.add(tool.name() + ": description has stray whitespace");
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
