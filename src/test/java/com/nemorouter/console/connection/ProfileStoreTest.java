package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path home;

    @Test
    void savesProfilesWithoutPasswordsInAPrivateFile() throws IOException {
        ProfileStore store = ProfileStore.in(new ConsoleHome(home));
        store.save(ConnectionProfile.withoutPassword("Production", "#b42318", "PRODUCTION",
                "postgresql://postgres.abc:Hunter2@aws-0-eu-central-1.pooler.supabase.com:6543/postgres?password=Hunter2",
                "", true, SchemaNames.DEFAULT, " admin@acme.example "));
        store.save(ConnectionProfile.withoutPassword("local litellm", "", "", "host=localhost dbname=litellm password='Hunter 2'",
                "llmproxy", false, new SchemaNames("nemo", "litellm", "auth")));

        Path file = home.resolve("profiles.json");
        assertThat(Files.readString(file)).doesNotContain("Hunter");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("local litellm", "Production");
        ConnectionProfile production = store.find("production").orElseThrow();
        assertThat(production.connectionString())
                .isEqualTo("postgresql://postgres.abc@aws-0-eu-central-1.pooler.supabase.com:6543/postgres");
        assertThat(production.readOnly()).isTrue();
        assertThat(production.label()).isEqualTo("PRODUCTION");
        assertThat(production.auditAs()).isEqualTo("admin@acme.example");
        assertThat(store.find("local litellm").orElseThrow().auditAs()).isEmpty();
        assertThat(store.find("local litellm").orElseThrow().connectionString()).isEqualTo("host=localhost dbname=litellm");
        assertThat(store.find("local litellm").orElseThrow().schemas().litellm()).isEqualTo("litellm");

        store.delete("Production");
        assertThat(store.list()).extracting(ConnectionProfile::name).containsExactly("local litellm");
    }

    @Test
    void stripsPasswordsInEveryFormIncludingUnencodedAtSigns() {
        assertThat(Secrets.stripPassword("postgresql://u:p@ss/w@host:5432/db?sslmode=require"))
                .isEqualTo("postgresql://u@host:5432/db?sslmode=require");
        assertThat(Secrets.stripPassword("jdbc:postgresql://host/db?user=u&password=secret&ssl=true"))
                .isEqualTo("jdbc:postgresql://host/db?user=u&ssl=true");
        assertThat(Secrets.stripPassword("host=h password='a b' dbname=d")).isEqualTo("host=h dbname=d");
        assertThat(Secrets.stripPassword("postgresql://u@host/db")).isEqualTo("postgresql://u@host/db");
    }

    @Test
    void refusesAPasswordAndBadColours() {
        assertThatThrownBy(() -> new ConnectionProfile("p", "#000000", "", "postgresql://u:Hunter2@h/db", "", false, null))
                .hasMessageContaining("may not hold a password").hasMessageNotContaining("Hunter2");
        assertThatThrownBy(() -> new ConnectionProfile("p", "red", "", "postgresql://u@h/db", "", false, null))
                .hasMessage("The colour 'red' is not #rrggbb.");
        assertThatThrownBy(() -> new ConnectionProfile(" ", "#000000", "", "postgresql://u@h/db", "", false, null))
                .hasMessage("A profile needs a name.");
    }

    @Test
    void keychainPasswordsGoThroughStdinAndComeBack() throws IOException {
        Path tool = home.resolve("secret-tool");
        Files.writeString(tool, """
                #!/bin/sh
                dir=$(dirname "$0")
                echo "$@" >> "$dir/args.log"
                case "$1" in
                  store) cat > "$dir/secret-$6" ;;
                  lookup) cat "$dir/secret-$5" 2>/dev/null || exit 1 ;;
                  clear) rm -f "$dir/secret-$5" ;;
                esac
                """);
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwx------"));
        Keychain keychain = Keychain.using(tool);

        assertThat(keychain.available()).isTrue();
        assertThat(keychain.store("Production", "Hunter2 ü".toCharArray())).isTrue();
        assertThat(new String(keychain.lookup("Production").orElseThrow())).isEqualTo("Hunter2 ü");
        keychain.forget("Production");
        assertThat(keychain.lookup("Production")).isEmpty();
        assertThat(Files.readString(home.resolve("args.log"))).doesNotContain("Hunter2")
                .contains("store --label=Nemo Console: Production service nemo-console profile Production");
    }

    @Test
    void withoutAKeychainNothingIsStoredAndTheUiCanSaySo() {
        Keychain none = Keychain.using(null);

        assertThat(none.store("Production", "Hunter2".toCharArray())).isFalse();
        assertThat(none.lookup("Production")).isEmpty();
        assertThat(none.description()).startsWith("No system keychain found");
    }
}
