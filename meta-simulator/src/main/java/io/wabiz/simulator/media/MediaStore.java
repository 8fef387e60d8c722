package io.wabiz.simulator.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Media uploaded through the Graph API; kept in memory, and in a folder when one is given. */
public final class MediaStore {

    private final Map<String, StoredMedia> media = new ConcurrentHashMap<>();
    private final Path folder;
    private final SecureRandom random = new SecureRandom();

    /** @param folder where media files are kept across restarts, or null for memory only */
    public MediaStore(Path folder) {
        this.folder = folder;
        if (folder != null) {
            load();
        }
    }

    public StoredMedia put(byte[] bytes, String mimeType, String filename) {
        String id = Long.toString(1_000_000_000_000_000L + Math.floorMod(random.nextLong(), 8_000_000_000_000_000L));
        StoredMedia stored = new StoredMedia(id, mimeType == null ? "application/octet-stream" : mimeType,
                sha256(bytes), filename, bytes.clone());
        media.put(id, stored);
        if (folder != null) {
            write(stored);
        }
        return stored;
    }

    public Optional<StoredMedia> get(String id) {
        return Optional.ofNullable(media.get(id));
    }

    public boolean delete(String id) {
        boolean removed = media.remove(id) != null;
        if (removed && folder != null) {
            try {
                Files.deleteIfExists(folder.resolve(id + ".bin"));
                Files.deleteIfExists(folder.resolve(id + ".properties"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return removed;
    }

    public void clear() {
        media.keySet().forEach(this::delete);
    }

    /** @param sha256 hex of the bytes, as Meta reports it */
    public record StoredMedia(String id, String mimeType, String sha256, String filename, byte[] bytes) {
        public int size() {
            return bytes.length;
        }
    }

    private void write(StoredMedia stored) {
        try {
            Files.createDirectories(folder);
            Files.write(folder.resolve(stored.id() + ".bin"), stored.bytes());
            Properties meta = new Properties();
            meta.setProperty("mimeType", stored.mimeType());
            if (stored.filename() != null) {
                meta.setProperty("filename", stored.filename());
            }
            try (OutputStream out = Files.newOutputStream(folder.resolve(stored.id() + ".properties"))) {
                meta.store(out, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep media in " + folder, e);
        }
    }

    private void load() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".bin")).toList()) {
                String id = file.getFileName().toString().replace(".bin", "");
                Properties meta = new Properties();
                Path metaFile = folder.resolve(id + ".properties");
                if (Files.exists(metaFile)) {
                    try (InputStream in = Files.newInputStream(metaFile)) {
                        meta.load(in);
                    }
                }
                byte[] bytes = Files.readAllBytes(file);
                media.put(id, new StoredMedia(id, meta.getProperty("mimeType", "application/octet-stream"),
                        sha256(bytes), meta.getProperty("filename"), bytes));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read media from " + folder, e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
