package com.nemorouter.console.connection;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Profile passwords in the OS keychain. On Linux that is the Secret Service through {@code secret-tool}
 * (libsecret); where no keychain is available passwords are not stored at all, and {@link #available()}
 * says so for the UI. Passwords go to the tool on stdin, never on its command line.
 */
public final class Keychain {

    private static final String SERVICE = "nemo-console";

    private final Path secretTool;

    private Keychain(Path secretTool) {
        this.secretTool = secretTool;
    }

    /** {@code secret-tool} from the PATH, if installed. */
    public static Keychain fromSystem() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String directory : path.split(File.pathSeparator)) {
                Path candidate = Path.of(directory, "secret-tool");
                if (Files.isExecutable(candidate)) {
                    return new Keychain(candidate);
                }
            }
        }
        return new Keychain(null);
    }

    /** A keychain backed by this {@code secret-tool} executable; null for none. */
    public static Keychain using(Path secretTool) {
        return new Keychain(secretTool);
    }

    public boolean available() {
        return secretTool != null;
    }

    /** What the connection dialog says next to "remember". */
    public String description() {
        return available() ? "Passwords are kept in the system keychain (Secret Service)."
                : "No system keychain found (secret-tool is not installed): passwords are not stored; "
                        + "the console asks each time, or reads PGPASSWORD or ~/.pgpass.";
    }

    /** @return false when no keychain exists or it refused: the password was not stored */
    public boolean store(String profile, char[] password) {
        if (!available()) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(secretTool.toString(), "store", "--label=Nemo Console: " + profile,
                    "service", SERVICE, "profile", profile).redirectErrorStream(true).start();
            try (OutputStream in = process.getOutputStream()) {
                ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
                byte[] array = new byte[bytes.remaining()];
                bytes.get(array);
                in.write(array);
                Arrays.fill(array, (byte) 0);
            }
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public Optional<char[]> lookup(String profile) {
        if (!available()) {
            return Optional.empty();
        }
        byte[] output = run(List.of(secretTool.toString(), "lookup", "service", SERVICE, "profile", profile));
        if (output == null || output.length == 0) {
            return Optional.empty();
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(output));
        char[] password = Arrays.copyOf(chars.array(), chars.limit());
        Arrays.fill(output, (byte) 0);
        return Optional.of(password);
    }

    public void forget(String profile) {
        if (available()) {
            run(List.of(secretTool.toString(), "clear", "service", SERVICE, "profile", profile));
        }
    }

    private static byte[] run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? output : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
