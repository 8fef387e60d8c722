package io.wabiz.images;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Builds {@code target/runtime-image.tar}, the base of every service image (Jib's {@code from.image} is
 * {@code tar://} of it): Debian's C library (the JVM's only native dependency once headless) and a runtime jlink'ed
 * from the building JDK, running as the non-root user 65532. Needs no Docker engine and no container registry, only
 * Debian's package mirror; the image is rebuilt only when its inputs change.
 */
public final class RuntimeImage {

    static final String USER = "65532:65532";
    static final String JAVA_HOME = "/opt/java";

    // what the JVM and the services never use: left out of the image
    private static final List<String> UNUSED = List.of("usr/share/", "usr/bin/", "usr/sbin/", "sbin/", "bin/",
            "usr/lib/x86_64-linux-gnu/gconv/", "usr/lib/x86_64-linux-gnu/audit/", "usr/libexec/", "etc/");

    private RuntimeImage() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args[0]);
        String mirror = args[1];
        String suite = args[2];
        List<String> packages = List.of(args[3].split(","));
        List<String> modules = present(List.of(args[4].split(",")));
        Path tar = target.resolve("runtime-image.tar");
        Path stamp = target.resolve("runtime-image.inputs");

        DebianPackages debian = new DebianPackages(mirror, suite,
                Path.of(System.getProperty("user.home"), ".cache", "wabiz", "debian-packages"));
        Map<String, DebianPackages.Package> resolved = debian.resolve(packages);
        String inputs = "java " + Runtime.version() + "\nmodules " + modules + "\n" + resolved.values().stream()
                .map(p -> p.name() + " " + p.version() + " " + p.sha256()).collect(Collectors.joining("\n")) + "\n";
        if (Files.exists(tar) && Files.exists(stamp) && Files.readString(stamp).equals(inputs)) {
            System.out.println("[runtime-image] up to date: " + tar);
            return;
        }

        Path rootfs = target.resolve("runtime-rootfs");
        delete(rootfs);
        for (DebianPackages.Package p : resolved.values()) {
            try (InputStream deb = Files.newInputStream(debian.download(p))) {
                extract(DebianPackages.dataTar(deb), rootfs);
            }
            System.out.println("[runtime-image] " + p.name() + " " + p.version() + " (" + p.archive() + ")");
        }
        writeSystemFiles(rootfs);
        Path java = target.resolve("runtime-java");
        delete(java);
        jlink(modules, java);

        JibContainerBuilder image = Jib.fromScratch()
                .addFileEntriesLayer(layer("debian-" + suite, rootfs, AbsoluteUnixPath.get("/")))
                .addFileEntriesLayer(layer("java-runtime", java, AbsoluteUnixPath.get(JAVA_HOME)))
                .setEnvironment(Map.of("JAVA_HOME", JAVA_HOME, "PATH", JAVA_HOME + "/bin:/usr/bin:/bin",
                        "LANG", "C.UTF-8"))
                .setUser(USER)
                .setWorkingDirectory(AbsoluteUnixPath.get("/home/nonroot"))
                .setEntrypoint(JAVA_HOME + "/bin/java", "-version")
                .setLabels(labels(resolved, modules));
        Files.deleteIfExists(tar);
        image.containerize(Containerizer.to(TarImage.at(tar).named("wabiz/runtime:" + Runtime.version().feature()))
                .setApplicationLayersCache(target.resolve("runtime-image-cache"))
                .setBaseImageLayersCache(target.resolve("runtime-image-cache")));
        Files.writeString(stamp, inputs);
        System.out.printf("[runtime-image] %s: %d MB (Java %s, modules %s)%n", tar, Files.size(tar) >> 20,
                Runtime.version(), modules);
    }

    /** The modules this JDK has: jdk.crypto.ec, say, is gone from newer ones (merged into java.base). */
    private static List<String> present(List<String> wanted) {
        Set<String> system = ModuleFinder.ofSystem().findAll().stream().map(ModuleReference::descriptor)
                .map(d -> d.name()).collect(Collectors.toSet());
        return wanted.stream().map(String::strip).filter(system::contains).toList();
    }

    private static void jlink(List<String> modules, Path output) throws IOException {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(() ->
                new IllegalStateException("the building JDK has no jlink: build with a full JDK 21+"));
        StringWriter out = new StringWriter();
        int exit = jlink.run(new PrintWriter(out), new PrintWriter(out), "--add-modules", String.join(",", modules),
                "--strip-debug", "--no-header-files", "--no-man-pages", "--compress=zip-6", "--output", output.toString());
        if (exit != 0) {
            // a JDK without jmods that cannot link its own runtime (JEP 493): its runtime as it is, larger
            System.out.println("[runtime-image] jlink failed (" + out.toString().strip() + "): copying the JDK's runtime");
            delete(output);
            copyRuntime(Path.of(System.getProperty("java.home")), output);
        }
    }

    private static void copyRuntime(Path javaHome, Path output) throws IOException {
        try (Stream<Path> files = Files.walk(javaHome)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String relative = javaHome.relativize(source).toString();
                if (relative.startsWith("jmods") || relative.startsWith("include") || relative.startsWith("man")
                        || relative.startsWith("demo") || relative.endsWith("src.zip")) {
                    continue;
                }
                Path destination = output.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Regular files and directories of a package, its links made copies of what they name inside the root. */
    static void extract(InputStream dataTar, Path root) throws IOException {
        Map<Path, String> links = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(dataTar)) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null; ) {
                String name = entry.getName().replaceFirst("^\\./", "");
                if (name.isEmpty() || UNUSED.stream().anyMatch(name::startsWith)) {
                    continue;
                }
                Path path = root.resolve(name).normalize();
                if (!path.startsWith(root)) {
                    throw new IOException("a package entry outside the root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    links.put(path, entry.getLinkName());
                } else if (entry.isFile()) {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
        for (int pass = 0; pass < 5 && !links.isEmpty(); pass++) { // a link may name another link
            for (var link : List.copyOf(links.entrySet())) {
                String target = link.getValue();
                Path resolved = (target.startsWith("/") ? root.resolve(target.substring(1))
                        : link.getKey().getParent().resolve(target)).normalize();
                if (Files.isRegularFile(resolved, LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(link.getKey().getParent());
                    Files.copy(resolved, link.getKey(), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.COPY_ATTRIBUTES);
                    links.remove(link.getKey());
                }
            }
        }
        // links to what was left out (docs, binaries) stay out
    }

    private static void writeSystemFiles(Path root) throws IOException {
        Path etc = Files.createDirectories(root.resolve("etc"));
        Files.writeString(etc.resolve("passwd"), "root:x:0:0:root:/root:/sbin/nologin\n"
                + "nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin\n");
        Files.writeString(etc.resolve("group"), "root:x:0:\nnonroot:x:65532:\n");
        Files.writeString(etc.resolve("nsswitch.conf"), "hosts: files dns\n");
        Files.createDirectories(root.resolve("home/nonroot"));
        Files.createDirectories(root.resolve("tmp"));
    }

    private static FileEntriesLayer layer(String name, Path source, AbsoluteUnixPath at) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        List<Path> paths;
        try (Stream<Path> files = Files.walk(source)) {
            paths = files.filter(p -> !p.equals(source)).sorted(Comparator.comparing(Path::toString)).toList();
        }
        for (Path path : paths) {
            AbsoluteUnixPath inImage = at.resolve(source.relativize(path).toString());
            String relative = source.relativize(path).toString();
            FilePermissions mode = Files.isDirectory(path)
                    ? FilePermissions.fromOctalString(relative.equals("tmp") || relative.equals("home/nonroot") ? "777" : "755")
                    : FilePermissions.fromPosixFilePermissions(Files.getPosixFilePermissions(path));
            layer.addEntry(path, inImage, mode, Instant.EPOCH);
        }
        return layer.build();
    }

    private static Map<String, String> labels(Map<String, DebianPackages.Package> packages, List<String> modules) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("org.opencontainers.image.title", "wabiz runtime");
        labels.put("org.opencontainers.image.description", "Debian C library and a jlink'ed Java runtime, non-root");
        labels.put("io.wabiz.java.version", Runtime.version().toString());
        labels.put("io.wabiz.java.modules", String.join(",", modules));
        packages.values().forEach(p -> labels.put("io.wabiz.debian." + p.name(), p.version()));
        return labels;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        String bits = "rwxrwxrwx";
        char[] chars = new char[9];
        for (int i = 0; i < 9; i++) {
            chars[i] = (mode & (1 << (8 - i))) != 0 ? bits.charAt(i) : '-';
        }
        return PosixFilePermissions.fromString(new String(chars));
    }

    private static void delete(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

}
