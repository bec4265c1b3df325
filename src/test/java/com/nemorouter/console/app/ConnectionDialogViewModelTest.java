package com.nemorouter.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.nemorouter.console.connection.ConnectionProfile;
import com.nemorouter.console.connection.ConsoleHome;
import com.nemorouter.console.connection.Keychain;
import com.nemorouter.console.connection.ProfileStore;
import com.nemorouter.console.ui.SameThreadTaskRunner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionDialogViewModelTest {

    @TempDir
    Path home;

    private final List<ConnectionProfile> connected = new ArrayList<>();
    private final List<String> typedPasswords = new ArrayList<>();

    private ConnectionDialogViewModel viewModel(Keychain keychain) {
        return new ConnectionDialogViewModel(ProfileStore.in(new ConsoleHome(home)), keychain, new SameThreadTaskRunner(),
                (profile, password) -> {
                    connected.add(profile);
                    typedPasswords.add(password == null ? null : new String(password));
                });
    }

    @Test
    void savesWithoutThePasswordAndSaysItWasNotStoredWithoutAKeychain() throws IOException {
        ConnectionDialogViewModel viewModel = viewModel(Keychain.using(null));
        viewModel.clear();
        viewModel.nameProperty().set("Production");
        viewModel.connectionStringProperty().set("postgresql://postgres:Hunter2@db.abc.supabase.co:5432/postgres");
        viewModel.labelProperty().set("PRODUCTION");
        viewModel.passwordProperty().set("Hunter2");
        viewModel.rememberProperty().set(true);
        viewModel.readOnlyProperty().set(true);

        viewModel.save();

        assertThat(viewModel.messageProperty().get())
                .isEqualTo("Saved Production; the password was NOT stored (no keychain).");
        assertThat(viewModel.keychainAvailable()).isFalse();
        assertThat(viewModel.keychainNote()).startsWith("No system keychain found");
        assertThat(viewModel.profiles()).extracting(ConnectionProfile::name).containsExactly("Production");
        assertThat(viewModel.connectionStringProperty().get()).isEqualTo("postgresql://postgres@db.abc.supabase.co:5432/postgres");
        assertThat(Files.readString(home.resolve("profiles.json"))).doesNotContain("Hunter2").contains("PRODUCTION");

        viewModel.connect();

        assertThat(connected).singleElement().satisfies(profile -> {
            assertThat(profile.readOnly()).isTrue();
            assertThat(profile.colour()).isEqualTo("#b42318");
        });
        assertThat(typedPasswords).containsExactly("Hunter2");
        assertThat(viewModel.passwordProperty().get()).isEmpty();
    }

    @Test
    void aRefusedLoginOpensThePromptWithoutThePasswordAndConnectsWithTheTypedOne() {
        ConnectionDialogViewModel viewModel = viewModel(Keychain.using(null));

        viewModel.prompt("postgresql://postgres:wrong@db.abc.supabase.co:5432/postgres", "The database refused the login.");

        assertThat(viewModel.connectionStringProperty().get()).isEqualTo("postgresql://postgres@db.abc.supabase.co:5432/postgres");
        assertThat(viewModel.messageProperty().get())
                .isEqualTo("The database refused the login. Type the password and press Connect.");
        viewModel.passwordProperty().set("right");
        viewModel.connect();
        assertThat(connected).singleElement().extracting(ConnectionProfile::name).isEqualTo("Unsaved connection");
        assertThat(typedPasswords).containsExactly("right");
    }

    @Test
    void selectingFillsTheFormAndBadInputIsNamedWithoutConnecting() {
        ProfileStore.in(new ConsoleHome(home)).save(new ConnectionProfile("Local LiteLLM", "#1d7a46", "",
                "postgresql://llmproxy@localhost:5432/litellm", "", false, null));
        ConnectionDialogViewModel viewModel = viewModel(Keychain.using(null));
        viewModel.load();

        viewModel.select(viewModel.profiles().get(0));
        assertThat(viewModel.connectionStringProperty().get()).isEqualTo("postgresql://llmproxy@localhost:5432/litellm");
        assertThat(viewModel.colourProperty().get()).isEqualTo("#1d7a46");

        viewModel.schemasProperty().set("nemo=nemo,public=lite-llm");
        viewModel.connect();

        assertThat(viewModel.messageProperty().get()).isEqualTo("'lite-llm' is not a plain schema name (letters, digits, _).");
        assertThat(connected).isEmpty();

        viewModel.delete();
        assertThat(viewModel.profiles()).isEmpty();
    }
}
