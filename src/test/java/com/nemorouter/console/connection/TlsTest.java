package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS against a real server: an embedded PostgreSQL with {@code ssl=on} and a certificate authority made
 * here with {@code openssl}. The server certificate names only {@code localhost}, so connecting by IP
 * tells verify-ca from verify-full.
 */
class TlsTest {

    private static final ConnectionSettings QUICK = ConnectionSettings.DEFAULT.withConnectTimeout(Duration.ofSeconds(2));

    @TempDir
    static Path certificates;

    private static EmbeddedPostgres server;
    private static Path rootCert;
    private static Path wrongRootCert;

    @BeforeAll
    static void startServerWithTls() throws Exception {
        Assumptions.assumeTrue(opensslAvailable(), "openssl is needed to make the test certificates");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.crt",
                "-days", "2", "-subj", "/CN=nemo-console test CA");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "wrong.key", "-out", "wrong.crt",
                "-days", "2", "-subj", "/CN=some other CA");
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost");
        Files.writeString(certificates.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "san.ext");
        Files.setPosixFilePermissions(certificates.resolve("server.key"), PosixFilePermissions.fromString("rw-------"));
        rootCert = certificates.resolve("ca.crt");
        wrongRootCert = certificates.resolve("wrong.crt");
        server = EmbeddedPostgres.builder()
                .setServerConfig("ssl", "on")
                .setServerConfig("ssl_cert_file", certificates.resolve("server.crt").toString())
                .setServerConfig("ssl_key_file", certificates.resolve("server.key").toString())
                .setServerConfig("fsync", "off")
                .setPGStartupWait(java.time.Duration.ofSeconds(90))
                .start();
    }

    @AfterAll
    static void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    private static ServerInfo describe(String url) {
        try (Database database = Database.open(ConnectionStrings.isolated().resolve(url), QUICK)) {
            return new ConnectionService(database).describe();
        }
    }

    private static String url(String host, String query) {
        return "postgresql://postgres@" + host + ":" + server.getPort() + "/postgres?" + query;
    }

    @Test
    void verifyFullWithTheRightRootCertificateIsEncryptedAndVerified() {
        ServerInfo info = describe(url("localhost", "sslmode=verify-full&sslrootcert=" + rootCert));

        assertThat(info.encrypted()).isTrue();
        assertThat(info.verified()).isTrue();
        assertThat(info.tlsVersion()).startsWith("TLSv1.");
        assertThat(info.tlsDescription()).endsWith(", verified");
    }

    @Test
    void requireEncryptsWithoutVerifyingAndDisableDoesNotEncrypt() {
        ServerInfo required = describe(url("localhost", "sslmode=require"));
        ServerInfo disabled = describe(url("localhost", "sslmode=disable"));

        assertThat(required.encrypted()).isTrue();
        assertThat(required.verified()).isFalse();
        assertThat(required.tlsDescription()).endsWith(", certificate not verified");
        assertThat(disabled.encrypted()).isFalse();
        assertThat(disabled.tlsDescription()).isEqualTo("not encrypted");
    }

    @Test
    void verifyCaAcceptsAnotherHostNameButVerifyFullDoesNot() {
        ServerInfo byIp = describe(url("127.0.0.1", "sslmode=verify-ca&sslrootcert=" + rootCert));
        assertThat(byIp.verified()).isTrue();

        assertThatThrownBy(() -> describe(url("127.0.0.1", "sslmode=verify-full&sslrootcert=" + rootCert)))
                .satisfies(e -> assertThat(FailureMessages.describe("Connecting", e)).isEqualTo(
                        "Connecting failed: The TLS certificate of 127.0.0.1:" + server.getPort() + " does not name the "
                                + "host you connected to; connect with a host name the certificate names, or use "
                                + "sslmode=verify-ca to skip the name check."));
    }

    @Test
    void verifyFullWithTheWrongRootCertificateFailsWithAClearMessage() {
        assertThatThrownBy(() -> describe(url("localhost", "sslmode=verify-full&sslrootcert=" + wrongRootCert)))
                .satisfies(e -> assertThat(FailureMessages.describe("Connecting", e)).isEqualTo(
                        "Connecting failed: The TLS certificate of localhost:" + server.getPort() + " is not signed by "
                                + "the certificate authority in sslrootcert; point sslrootcert at the certificate "
                                + "authority that signed the server's certificate."));
    }

    @Test
    void aMissingRootCertificateIsNamed() {
        Path missing = certificates.resolve("missing-ca.crt");
        assertThatThrownBy(() -> describe(url("localhost", "sslmode=verify-full&sslrootcert=" + missing)))
                .satisfies(e -> assertThat(FailureMessages.describe("Connecting", e))
                        .isEqualTo("Connecting failed: sslrootcert " + missing + " is not a readable file."));

        // verify-full without sslrootcert: pgjdbc reads ~/.postgresql/root.crt, as libpq does.
        Path defaultRoot = Path.of(System.getProperty("user.home"), ".postgresql", "root.crt");
        Assumptions.assumeFalse(Files.exists(defaultRoot), "a default root certificate exists on this machine");
        assertThatThrownBy(() -> describe(url("localhost", "sslmode=verify-full")))
                .satisfies(e -> assertThat(FailureMessages.describe("Connecting", e))
                        .startsWith("Connecting failed: The sslrootcert file cannot be read (")
                        .contains(defaultRoot.toString())
                        .endsWith("); check its path, or download the server's certificate authority there.")
                        .doesNotContain("Exception").doesNotContain("\n"));
    }

    private static boolean opensslAvailable() {
        try {
            return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("openssl");
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(certificates.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + " failed: " + output);
        }
    }
}
