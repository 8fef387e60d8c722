package io.wabiz.events.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The document passes the official validator, {@code asyncapi validate} of the AsyncAPI CLI (from npm, pinned to 4.1.1: the 5.x and 6.x lines need Node.js 24, these machines have 20),
 * as every tool that reads it (code generators, Studio, catalogues) would check it. Skipped with the reason where
 * Node's {@code npx} is not installed; the first run installs the CLI into npm's cache (about two minutes).
 */
class AsyncApiValidationTest {

    private static final String CLI = "@asyncapi/cli@4.1.1";
    private static final Path DOCUMENT = Path.of("src", "main", "resources", "asyncapi.yaml");

    @Test
    void theOfficialValidatorFindsNoErrorInTheDocument() throws Exception {
        assumeTrue(onPath("npx"), "npx (Node.js) is not installed: the AsyncAPI CLI cannot run here");
        Path log = Files.createTempFile("asyncapi-validate", ".log");
        Process validate = new ProcessBuilder("npx", "--yes", CLI, "validate", DOCUMENT.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean finished = validate.waitFor(10, TimeUnit.MINUTES);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            validate.destroyForcibly();
        }
        assumeTrue(finished || !output.isBlank(), "the AsyncAPI CLI did not install within 10 minutes");
        assertThat(validate.exitValue()).as("asyncapi validate said:%n%s", output).isZero();
        assertThat(output).as(output).contains("is valid").containsPattern("\\b0 errors, 0 warnings\\b");
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
