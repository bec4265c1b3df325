package com.nemorouter.console.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Connection profiles in {@code profiles.json} under the console's per-user directory. Passwords are never
 * written here: {@link ConnectionProfile} refuses them. Plain file I/O on the calling thread.
 */
public final class ProfileStore {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper();

    public ProfileStore(Path file) {
        this.file = file;
    }

    public static ProfileStore in(ConsoleHome home) {
        return new ProfileStore(home.directory().resolve("profiles.json"));
    }

    /** All profiles by name; none when the file does not exist yet. */
    public List<ConnectionProfile> list() {
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<ConnectionProfile> profiles = new ArrayList<>();
            for (JsonNode node : json.readTree(file.toFile()).path("profiles")) {
                profiles.add(new ConnectionProfile(node.path("name").asText(), node.path("colour").asText(),
                        node.path("label").asText(), node.path("connectionString").asText(),
                        node.path("user").asText(), node.path("readOnly").asBoolean(),
                        SchemaNames.parse(node.path("schemas").asText(SchemaNames.DEFAULT.toString())),
                        node.path("auditAs").asText(""), node.path("litellmVersion").asText("")));
            }
            profiles.sort(Comparator.comparing(ConnectionProfile::name, String.CASE_INSENSITIVE_ORDER));
            return profiles;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the profiles in " + file, e);
        }
    }

    public Optional<ConnectionProfile> find(String name) {
        return list().stream().filter(profile -> profile.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** Adds or replaces the profile of that name. */
    public void save(ConnectionProfile profile) {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        profiles.removeIf(existing -> existing.name().equalsIgnoreCase(profile.name()));
        profiles.add(profile);
        write(profiles);
    }

    public void delete(String name) {
        List<ConnectionProfile> profiles = new ArrayList<>(list());
        if (profiles.removeIf(existing -> existing.name().equalsIgnoreCase(name))) {
            write(profiles);
        }
    }

    private void write(List<ConnectionProfile> profiles) {
        ObjectNode root = json.createObjectNode();
        ArrayNode array = root.putArray("profiles");
        for (ConnectionProfile profile : profiles) {
            array.addObject().put("name", profile.name()).put("colour", profile.colour())
                    .put("label", profile.label()).put("connectionString", profile.connectionString())
                    .put("user", profile.user()).put("readOnly", profile.readOnly())
                    .put("schemas", profile.schemas().toString()).put("auditAs", profile.auditAs())
                    .put("litellmVersion", profile.liteLlmVersion());
        }
        try {
            Files.createDirectories(file.getParent());
            Path temporary = Files.createTempFile(file.getParent(), "profiles", ".tmp");
            try {
                restrictToOwner(temporary);
                json.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the profiles in " + file, e);
        }
    }

    private static void restrictToOwner(Path path) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the user's profile directory is already private.
        }
    }
}
