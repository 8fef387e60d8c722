package io.wabiz.localstack.images;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The images {@code ./mvnw verify} builds with Jib ({@code jib:buildTar}, no Docker, no registry), read from their
 * tarballs: one per deployable module, on the shared base of runtime-image, as user 65532, with the Boot
 * application's main class as entry point, and runnable: the image's own file system (its C library, its Java
 * runtime, its class path) loads the main class, as the non-root user, in a chroot where the machine allows one.
 */
class ContainerImagesTest {

    private static final Path ROOT = Path.of(System.getProperty("wabiz.root", "..")).toAbsolutePath().normalize();
    private static final Pattern IMAGE = Pattern.compile("image:\\s*wabiz/([a-z-]+)");
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path scratch;

    @Test
    void everyImageTheManifestsDeployIsBuilt() throws IOException {
        TreeSet<String> deployed = new TreeSet<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("deploy"))) {
            for (Path yaml : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                Matcher m = IMAGE.matcher(Files.readString(yaml));
                while (m.find()) {
                    deployed.add(m.group(1));
                }
            }
        }
        assertThat(deployed).as("images named by deploy/").isNotEmpty();
        assertThat(imageModules()).as("modules with an image").containsAll(deployed);
    }

    @TestFactory
    Stream<DynamicTest> eachImageRunsItsApplicationAsNonRootOnTheSharedBase() throws IOException {
        Image base = Image.read(ROOT.resolve("runtime-image/target/runtime-image.tar"));
        assertThat(base.config().path("config").path("User").asString()).isEqualTo("65532:65532");
        return imageModules().stream().map(module -> DynamicTest.dynamicTest(module, () -> {
            Path tar = ROOT.resolve(module).resolve("target/jib-image.tar");
            assumeTrue(bootJar(module).isPresent(), module + " is not built in this build (not in -pl/-am)");
            assertThat(tar).as("%s's image: built by ./mvnw verify (jib:buildTar)", module).exists();
            Image image = Image.read(tar);
            assertThat(image.tags()).containsExactly("wabiz/" + module + ":" + version());

            JsonNode config = image.config().path("config");
            assertThat(config.path("User").asString()).as("runs as the non-root user").isEqualTo("65532:65532");
            List<String> entrypoint = new ArrayList<>();
            config.path("Entrypoint").forEach(part -> entrypoint.add(part.asString()));
            assertThat(entrypoint).as("entry point").containsExactly("java", "-cp", "@/app/jib-classpath-file",
                    startClass(module));
            assertThat(config.path("Env").toString()).contains("JAVA_HOME=/opt/java")
                    .contains("JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError")
                    .contains("MALLOC_ARENA_MAX=2");
            assertThat(config.path("ExposedPorts").propertyNames()).hasSize(1);

            assertThat(image.layerNames()).as("layers").startsWith("debian-bookworm", "java-runtime")
                    .contains("dependencies", "classes");
            assertThat(image.layers().subList(0, 2)).as("the base's layers, shared by every image")
                    .isEqualTo(base.layers());

            runsInItsOwnFileSystem(module, image, startClass(module));
        }));
    }

    /**
     * In a chroot of the image's layers, as 65532: the launcher loads the main class from the image's class path.
     * The base's layers are unpacked once; each image's own layers (all under /app) are bind-mounted on its /app in
     * a mount namespace of the run's own.
     */
    private void runsInItsOwnFileSystem(String module, Image image, String mainClass) throws Exception {
        boolean canChroot = "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/unshare"))
                && Files.isExecutable(Path.of("/usr/sbin/chroot"));
        assumeTrue(canChroot, "a chroot needs root and util-linux: the image's file system is not run here");
        Path root = baseRoot(image);
        Path own = Files.createDirectories(scratch.resolve(module));
        image.extractTo(own, image.layers().subList(2, image.layers().size()));
        try (Stream<Path> top = Files.list(own)) {
            assertThat(top.map(p -> p.getFileName().toString())).as("%s's own layers write only /app", module)
                    .containsExactly("app");
        }
        Process run = new ProcessBuilder("/usr/bin/unshare", "--mount", "--pid", "--fork",
                "--mount-proc=" + root.resolve("proc"), "/bin/sh", "-c",
                "mount --bind \"$1/app\" \"$2/app\" && exec /usr/sbin/chroot --userspec=65532:65532 \"$2\" "
                        + "/opt/java/bin/java -cp @/app/jib-classpath-file --dry-run \"$3\"",
                "sh", own.toString(), root.toString(), mainClass)
                .redirectErrorStream(true).start();
        assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("%s: the dry run ends", module).isTrue();
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(run.exitValue()).as("%s: java --dry-run %s in the image: %s", module, mainClass, output).isZero();
    }

    @TempDir
    static Path baseDirectory;
    private static Path sharedBase;

    private static synchronized Path baseRoot(Image image) throws IOException {
        if (sharedBase == null) {
            Path root = Files.createDirectories(baseDirectory.resolve("base"));
            image.extractTo(root, image.layers().subList(0, 2));
            Files.createDirectories(root.resolve("proc")); // where the container runtime mounts /proc
            Files.createDirectories(root.resolve("app"));
            sharedBase = root;
        }
        return sharedBase;
    }

    private static List<String> imageModules() throws IOException {
        List<String> modules = new ArrayList<>();
        Matcher m = Pattern.compile("<module>([^<]+)</module>").matcher(Files.readString(ROOT.resolve("pom.xml")));
        while (m.find()) {
            Path pom = ROOT.resolve(m.group(1)).resolve("pom.xml");
            if (Files.exists(pom) && Files.readString(pom).contains("<artifactId>jib-maven-plugin</artifactId>")) {
                modules.add(m.group(1));
            }
        }
        return modules;
    }

    private static Optional<Path> bootJar(String module) throws IOException {
        Path target = ROOT.resolve(module).resolve("target");
        if (!Files.isDirectory(target)) {
            return Optional.empty();
        }
        try (Stream<Path> jars = Files.list(target)) {
            return jars.filter(j -> j.getFileName().toString().matches(Pattern.quote(module) + "-[0-9].*\\.jar"))
                    .findFirst();
        }
    }

    /** The Boot application's main class, from whichever of the module's jars Boot repackaged (maybe "-exec"). */
    private static String startClass(String module) throws IOException {
        List<Path> jars;
        try (Stream<Path> files = Files.list(ROOT.resolve(module).resolve("target"))) {
            jars = files.filter(j -> j.getFileName().toString().matches(Pattern.quote(module) + "-[0-9].*\\.jar")).toList();
        }
        for (Path jar : jars) {
            try (JarFile boot = new JarFile(jar.toFile())) {
                String startClass = boot.getManifest().getMainAttributes().getValue("Start-Class");
                if (startClass != null) {
                    return startClass;
                }
            }
        }
        throw new AssertionError(module + ": no Boot jar (with a Start-Class) in " + jars);
    }

    private static String version() throws IOException {
        Matcher m = Pattern.compile("<artifactId>wabiz-platform</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** A docker-format image tarball (what jib:buildTar writes): its manifest, config and layers. */
    private record Image(Path tar, List<String> tags, JsonNode config, List<String> layers) {

        static Image read(Path tar) throws IOException {
            Map<String, byte[]> small = new HashMap<>();
            try (TarArchiveInputStream in = new TarArchiveInputStream(Files.newInputStream(tar))) {
                for (TarArchiveEntry entry; (entry = in.getNextEntry()) != null; ) {
                    if (entry.getName().endsWith(".json")) {
                        small.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
            JsonNode manifest = JSON.readTree(small.get("manifest.json")).get(0);
            List<String> tags = new ArrayList<>();
            manifest.path("RepoTags").forEach(t -> tags.add(t.asString()));
            List<String> layers = new ArrayList<>();
            manifest.path("Layers").forEach(l -> layers.add(l.asString()));
            return new Image(tar, tags, JSON.readTree(small.get(manifest.path("Config").asString())), layers);
        }

        List<String> layerNames() {
            List<String> names = new ArrayList<>();
            config.path("history").forEach(h -> names.add(h.path("comment").asString()));
            return names;
        }

        /** These layers in order into a directory: regular files, directories and their modes. */
        void extractTo(Path root, List<String> these) throws IOException {
            for (String layer : these) {
                try (TarArchiveInputStream image = new TarArchiveInputStream(Files.newInputStream(tar))) {
                    for (TarArchiveEntry entry; (entry = image.getNextEntry()) != null; ) {
                        if (entry.getName().equals(layer)) {
                            extractLayer(new GZIPInputStream(image), root);
                            break;
                        }
                    }
                }
            }
        }

        private static void extractLayer(InputStream gzip, Path root) throws IOException {
            TarArchiveInputStream layer = new TarArchiveInputStream(gzip);
            for (TarArchiveEntry entry; (entry = layer.getNextEntry()) != null; ) {
                Path path = root.resolve(entry.getName()).normalize();
                assertThat(path.startsWith(root)).as("layer entry %s inside the image", entry.getName()).isTrue();
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(layer, path, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0111) != 0) {
                        path.toFile().setExecutable(true, false);
                    }
                }
            }
        }
    }
}
