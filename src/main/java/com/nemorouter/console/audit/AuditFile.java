package com.nemorouter.console.audit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The local fallback when {@code LiteLLM_AuditLog} does not exist: an append-only JSON-lines file in the
 * console home, one {@link AuditRecord} a line with the audit table's column names.
 */
final class AuditFile {

    private final Path path;

    AuditFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /**
     * Appends {@code records} under an exclusive file lock, so two consoles never interleave, and forces
     * them to disk.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    void append(List<AuditRecord> records) {
        StringBuilder lines = new StringBuilder();
        for (AuditRecord record : records) {
            lines.append(AuditJson.toJson(record)).append('\n');
        }
        try {
            Files.createDirectories(path.getParent());
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                 FileLock lock = channel.lock()) {
                OutputStream out = Channels.newOutputStream(channel);
                out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
                out.flush();
                channel.force(true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not append to the local audit file " + path, e);
        }
    }

    /** The records that mention {@code objectId} (see {@link AuditHistory}), newest first, at most {@code limit}. */
    List<AuditRecord> mentioning(String objectId, int limit) {
        if (!Files.exists(path)) {
            return List.of();
        }
        List<AuditRecord> matches = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = AuditJson.readTree(line);
                AuditRecord record = AuditJson.fromJson(node);
                JsonNode value = node.hasNonNull("before_value") ? node.get("before_value") : node.get("updated_values");
                boolean mentions = record.objectId().equals(objectId)
                        || record.objectId().startsWith(objectId + "/") || record.objectId().endsWith("/" + objectId)
                        || (value != null && (objectId.equals(value.path("team_id").asText(null))
                                || objectId.equals(value.path("user_id").asText(null))))
                        || onRoster(node.get("before_value"), objectId) || onRoster(node.get("updated_values"), objectId);
                if (mentions) {
                    matches.add(record);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the local audit file " + path, e);
        }
        matches.sort((a, b) -> b.updatedAt().compareTo(a.updatedAt()));
        return List.copyOf(matches.subList(0, Math.min(limit, matches.size())));
    }

    /** A roster: a team row's members_with_roles (LiteLLM's shape), or a bare array (older console rows). */
    private static boolean onRoster(JsonNode value, String userId) {
        JsonNode roster = value != null && value.isObject() ? value.get("members_with_roles") : value;
        if (roster == null || !roster.isArray()) {
            return false;
        }
        for (JsonNode entry : roster) {
            if (userId.equals(entry.path("user_id").asText(null))) {
                return true;
            }
        }
        return false;
    }
}
