package io.wabiz.images;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.ar.ArArchiveEntry;
import org.apache.commons.compress.archivers.ar.ArArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Debian binary packages fetched from a mirror's package index, each checked against the SHA-256 the index gives.
 * The release's index and its security archive's are both read; the newer version of a package wins (a security
 * update until the next point release folds it in).
 */
final class DebianPackages {

    /** One package as its index describes it. */
    record Package(String name, String version, String filename, String sha256, String archive) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String mirror;
    private final String suite;
    private final Path cache;

    DebianPackages(String mirror, String suite, Path cache) {
        this.mirror = mirror.replaceAll("/+$", "");
        this.suite = suite;
        this.cache = cache;
    }

    /** The wanted packages, by name, as the newest index that has them describes them. */
    Map<String, Package> resolve(List<String> names) throws IOException, InterruptedException {
        Map<String, Package> found = new HashMap<>();
        for (String[] archive : List.of(new String[] {"debian", suite}, new String[] {"debian-security", suite + "-security"})) {
            String index = mirror + "/" + archive[0] + "/dists/" + archive[1] + "/main/binary-amd64/Packages.xz";
            try (InputStream in = new XZCompressorInputStream(get(index))) {
                read(in, archive[0], names).forEach((name, p) -> found.merge(name, p,
                        (a, b) -> compareVersions(a.version(), b.version()) >= 0 ? a : b));
            }
        }
        Map<String, Package> wanted = new LinkedHashMap<>();
        for (String name : names) {
            Package p = found.get(name);
            if (p == null) {
                throw new IOException("package " + name + " is in no index of " + suite + " at " + mirror);
            }
            wanted.put(name, p);
        }
        return wanted;
    }

    /** dpkg's order of versions: epoch, then upstream version and revision compared part by part ("~" sorts first). */
    static int compareVersions(String a, String b) {
        int epochA = a.contains(":") ? Integer.parseInt(a.substring(0, a.indexOf(':'))) : 0;
        int epochB = b.contains(":") ? Integer.parseInt(b.substring(0, b.indexOf(':'))) : 0;
        if (epochA != epochB) {
            return Integer.compare(epochA, epochB);
        }
        String restA = a.substring(a.indexOf(':') + 1);
        String restB = b.substring(b.indexOf(':') + 1);
        int dashA = restA.lastIndexOf('-');
        int dashB = restB.lastIndexOf('-');
        int upstream = compareParts(dashA < 0 ? restA : restA.substring(0, dashA), dashB < 0 ? restB : restB.substring(0, dashB));
        return upstream != 0 ? upstream
                : compareParts(dashA < 0 ? "" : restA.substring(dashA + 1), dashB < 0 ? "" : restB.substring(dashB + 1));
    }

    private static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDifference = 0;
            while (i < a.length() && !Character.isDigit(a.charAt(i)) || j < b.length() && !Character.isDigit(b.charAt(j))) {
                int ac = order(a, i);
                int bc = order(b, j);
                if (ac != bc) {
                    return Integer.compare(ac, bc);
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && Character.isDigit(a.charAt(i)) && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDifference == 0) {
                    firstDifference = Integer.compare(a.charAt(i), b.charAt(j));
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }

    // dpkg's weight of a character in the non-digit part: "~" before the end, the end before letters, letters before
    // the other characters
    private static int order(String s, int i) {
        if (i >= s.length() || Character.isDigit(s.charAt(i))) {
            return 0;
        }
        char c = s.charAt(i);
        return c == '~' ? -1 : Character.isLetter(c) ? c : c + 256;
    }

    /** The package's .deb, downloaded once into the cache and checked against the index's SHA-256. */
    Path download(Package p) throws IOException, InterruptedException {
        Path deb = cache.resolve(p.sha256() + ".deb");
        if (Files.exists(deb) && sha256(deb).equals(p.sha256())) {
            return deb;
        }
        Files.createDirectories(cache);
        Path partial = cache.resolve(p.sha256() + ".part");
        try (InputStream in = get(mirror + "/" + p.archive() + "/" + p.filename())) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
        }
        String actual = sha256(partial);
        if (!actual.equals(p.sha256())) {
            Files.delete(partial);
            throw new IOException(p.filename() + ": SHA-256 " + actual + ", the index says " + p.sha256());
        }
        return Files.move(partial, deb, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The data archive of a .deb (an ar archive), as a stream of its tar. */
    static InputStream dataTar(InputStream deb) throws IOException {
        ArArchiveInputStream ar = new ArArchiveInputStream(deb);
        for (ArArchiveEntry entry; (entry = ar.getNextEntry()) != null; ) {
            String name = entry.getName();
            if (name.equals("data.tar.xz")) {
                return new XZCompressorInputStream(ar);
            }
            if (name.equals("data.tar.gz")) {
                return new GzipCompressorInputStream(ar);
            }
            if (name.startsWith("data.tar")) {
                throw new IOException("unsupported package compression: " + name);
            }
        }
        throw new IOException("no data archive in the package");
    }

    private static Map<String, Package> read(InputStream index, String archive, List<String> names) throws IOException {
        Map<String, Package> found = new HashMap<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(index, StandardCharsets.UTF_8));
        Map<String, String> stanza = new HashMap<>();
        for (String line; ; ) {
            line = reader.readLine();
            if (line == null || line.isEmpty()) {
                String name = stanza.get("Package");
                if (name != null && names.contains(name)) {
                    found.put(name, new Package(name, stanza.get("Version"), stanza.get("Filename"), stanza.get("SHA256"),
                            archive));
                }
                stanza.clear();
                if (line == null) {
                    return found;
                }
            } else if (!line.startsWith(" ")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    stanza.put(line.substring(0, colon), line.substring(colon + 1).strip());
                }
            }
        }
    }

    private InputStream get(String url) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMinutes(2)).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
