package com.nemorouter.console.app;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;

import com.nemorouter.console.connection.ConnectionProfile;
import com.nemorouter.console.connection.ConnectionStrings;
import com.nemorouter.console.connection.ConnectionTarget;
import com.nemorouter.console.connection.Keychain;
import com.nemorouter.console.connection.ProfileStore;
import com.nemorouter.console.connection.Secrets;
import com.nemorouter.console.connection.SchemaNames;
import com.nemorouter.console.ui.TaskRunner;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection dialog: edit, save and delete profiles, type a password (the prompt), and connect.
 * Profiles are saved without the password; "remember" puts it in the OS keychain when there is one.
 */
public final class ConnectionDialogViewModel {

    private final ProfileStore store;
    private final Keychain keychain;
    private final TaskRunner tasks;
    private final BiConsumer<ConnectionProfile, char[]> connect;

    private final ObservableList<ConnectionProfile> profiles = FXCollections.observableArrayList();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty connectionString = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty remember = new SimpleBooleanProperty(false);
    private final BooleanProperty readOnly = new SimpleBooleanProperty(false);
    private final StringProperty label = new SimpleStringProperty("");
    private final StringProperty auditAs = new SimpleStringProperty("");
    private final StringProperty colour = new SimpleStringProperty("#b42318");
    private final StringProperty schemas = new SimpleStringProperty(SchemaNames.DEFAULT.toString());
    private final StringProperty liteLlmVersion = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ObjectProperty<ConnectionProfile> preselected = new SimpleObjectProperty<>();
    private String preferredProfile = "";
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper(false);
    /**
     * Not a {@code ui.Latest}: an abandoned attempt that still opens must be told so, because its answer is an
     * open connection that has to be closed, not dropped.
     */
    private long attempt;
    private Runnable onCancel = () -> { };
    private Runnable onDemo = () -> { };
    private BiConsumer<ConnectionProfile, char[]> onTest = (profile, typed) -> { };
    private Function<String, String> stringProblem = text -> null;
    private final ReadOnlyStringWrapper connectionStringProblem = new ReadOnlyStringWrapper("");
    private final ObservableList<String> recent = FXCollections.observableArrayList();

    /** @param connect called with the profile and the typed password (null when none was typed) */
    public ConnectionDialogViewModel(ProfileStore store, Keychain keychain, TaskRunner tasks,
                                     BiConsumer<ConnectionProfile, char[]> connect) {
        this.store = store;
        this.keychain = keychain;
        this.tasks = tasks;
        this.connect = connect;
        connectionString.addListener((observable, old, text) -> checkConnectionString());
    }

    /**
     * How a string is checked as it is typed: the composition root passes the connector's parser, which
     * answers with the sentence naming the problem (never the password), or null when it parses.
     */
    public void setConnectionStringCheck(Function<String, String> problem) {
        this.stringProblem = problem;
        checkConnectionString();
    }

    private void checkConnectionString() {
        String problem;
        try {
            problem = stringProblem.apply(connectionString.get());
        } catch (RuntimeException e) {
            problem = e.getMessage();
        }
        connectionStringProblem.set(problem == null ? "" : problem);
    }

    /** Why the string cannot be used, or empty: shown inline, and Connect/Test stay off meanwhile. */
    public ReadOnlyStringProperty connectionStringProblemProperty() {
        return connectionStringProblem.getReadOnlyProperty();
    }

    /**
     * A password typed inside the string moves to the masked Password field and leaves the string, so
     * it is never shown in clear (nor saved with the profile).
     */
    public void takePasswordFromString() {
        String text = connectionString.get();
        if (text == null || text.isBlank()) {
            return;
        }
        char[] inline;
        try {
            ConnectionTarget target = ConnectionStrings.isolated().resolve(text);
            inline = target.password();
        } catch (IllegalArgumentException e) {
            return; // the inline check already names the problem
        }
        String stripped = Secrets.stripPassword(text);
        if (inline != null && inline.length > 0 && !stripped.equals(text)) {
            password.set(new String(inline));
            java.util.Arrays.fill(inline, '\0');
            connectionString.set(stripped);
            message.set("The password from the string is now in the Password field (masked).");
        }
    }

    /** Recently used profiles, newest first (from the window state). */
    public ObservableList<String> recent() {
        return recent;
    }

    /** Selects a recently used profile by name, if it still exists. */
    public void chooseRecent(String profileName) {
        profiles.stream().filter(profile -> profile.name().equalsIgnoreCase(profileName)).findFirst()
                .ifPresent(profile -> {
                    preselected.set(null); // so choosing the same one again still selects it
                    preselected.set(profile);
                });
    }

    /** The "Demo database" entry: the composition root opens the embedded demo. */
    public void setOnDemo(Runnable onDemo) {
        this.onDemo = onDemo;
    }

    public void connectDemo() {
        onDemo.run();
    }

    /** Test: opens and closes the fields' connection, touching nothing else. */
    public void setOnTest(BiConsumer<ConnectionProfile, char[]> onTest) {
        this.onTest = onTest;
    }

    public void test() {
        takePasswordFromString();
        ConnectionProfile profile = profileFromFields();
        if (profile != null) {
            message.set("Testing…");
            onTest.accept(profile, password.get().isEmpty() ? null : password.get().toCharArray());
        }
    }

    /** What Test found, one sentence. */
    public void tested(String outcome) {
        message.set(outcome);
    }

    /** The profile to select when the list arrives: the one used last. */
    public void setPreferredProfile(String name) {
        preferredProfile = name == null ? "" : name;
    }

    public void load() {
        tasks.run("Reading profiles", store::list, list -> {
            profiles.setAll(list);
            list.stream().filter(profile -> profile.name().equalsIgnoreCase(preferredProfile)).findFirst()
                    .ifPresentOrElse(preselected::set, () -> {
                        if (name.get().isEmpty() && connectionString.get().isEmpty()) {
                            clear(); // a usable template instead of an empty form with Connect off
                        }
                    });
        }, failure -> message.set("Could not read the profiles: " + failure.getMessage()));
    }

    /** The profile the list should select once loaded (the last one used), or null. */
    public ReadOnlyObjectProperty<ConnectionProfile> preselectedProperty() {
        return preselected;
    }

    public void select(ConnectionProfile profile) {
        if (profile == null) {
            return;
        }
        name.set(profile.name());
        connectionString.set(profile.connectionString());
        user.set(profile.user());
        password.set("");
        readOnly.set(profile.readOnly());
        label.set(profile.label());
        auditAs.set(profile.auditAs());
        colour.set(profile.colour());
        schemas.set(profile.schemas().toString());
        liteLlmVersion.set(profile.liteLlmVersion());
        message.set("");
    }

    /** Opens the form on a string that could not log in, so the user can type the password (the prompt). */
    public void prompt(String connectionString, String reason) {
        clear();
        name.set("Unsaved connection");
        label.set("");
        this.connectionString.set(Secrets.stripPassword(connectionString));
        message.set(reason + " Type the password and press Connect.");
    }

    public void clear() {
        select(new ConnectionProfile("New profile", "#b42318", "", "postgresql://user@host:5432/postgres", "", false,
                SchemaNames.DEFAULT));
    }

    /** Saves the fields as a profile (password removed) and, if asked, the password in the keychain. */
    public void save() {
        takePasswordFromString();
        ConnectionProfile profile = profileFromFields();
        if (profile == null) {
            return;
        }
        char[] typed = password.get().isEmpty() ? null : password.get().toCharArray();
        boolean storePassword = remember.get() && typed != null;
        tasks.run("Saving profile " + profile.name(), () -> {
            store.save(profile);
            boolean stored = storePassword && keychain.store(profile.name(), typed);
            return new Saved(store.list(), stored);
        }, saved -> {
            profiles.setAll(saved.profiles());
            connectionString.set(profile.connectionString());
            message.set("Saved " + profile.name() + (storePassword ? (saved.passwordStored()
                    ? "; the password is in the system keychain." : "; the password was NOT stored (no keychain).")
                    : "; no password stored."));
        }, failure -> message.set("Could not save: " + failure.getMessage()));
    }

    public void delete() {
        String profileName = name.get().strip();
        tasks.run("Deleting profile " + profileName, () -> {
            store.delete(profileName);
            keychain.forget(profileName);
            return store.list();
        }, list -> {
            profiles.setAll(list);
            message.set("Deleted " + profileName + ".");
        }, failure -> message.set("Could not delete: " + failure.getMessage()));
    }

    public void connect() {
        takePasswordFromString();
        ConnectionProfile profile = profileFromFields();
        if (profile != null) {
            connect.accept(profile, password.get().isEmpty() ? null : password.get().toCharArray());
            password.set("");
        }
    }

    private ConnectionProfile profileFromFields() {
        if (!connectionStringProblem.get().isEmpty()) {
            message.set(connectionStringProblem.get());
            return null;
        }
        try {
            return ConnectionProfile.withoutPassword(name.get(), colour.get(), label.get(), connectionString.get(),
                    user.get(), readOnly.get(), SchemaNames.parse(schemas.get()), auditAs.get(), liteLlmVersion.get());
        } catch (IllegalArgumentException e) {
            message.set(e.getMessage());
            return null;
        }
    }

    /** A connection attempt begins; returns its number, so a late answer to an abandoned one is dropped. */
    public long attemptStarted() {
        connecting.set(true);
        message.set("Connecting…");
        return ++attempt;
    }

    /** False once the dialog was closed or a newer attempt began. */
    public boolean attemptStillWanted(long number) {
        return number == attempt && connecting.get();
    }

    public void attemptSucceeded() {
        connecting.set(false);
        message.set("");
    }

    /** The attempt failed: the dialog stays open with the reason; the current connection is untouched. */
    public void attemptFailed(Throwable failure) {
        connecting.set(false);
        message.set(com.nemorouter.console.connection.FailureMessages.describe("Connecting", failure)
                + " The current connection is unchanged.");
    }

    /** The dialog closes: whatever attempt is running no longer matters. */
    public void abandonAttempt() {
        attempt++;
        connecting.set(false);
    }

    /** True while an attempt runs: Connect is disabled meanwhile. */
    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** What Cancel does (the composition root closes the dialog, which abandons any attempt). */
    public void setOnCancel(Runnable onCancel) {
        this.onCancel = onCancel;
    }

    public void cancel() {
        onCancel.run();
    }

    private record Saved(List<ConnectionProfile> profiles, boolean passwordStored) {
    }

    public ObservableList<ConnectionProfile> profiles() {
        return profiles;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty connectionStringProperty() {
        return connectionString;
    }

    public StringProperty userProperty() {
        return user;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty rememberProperty() {
        return remember;
    }

    public boolean keychainAvailable() {
        return keychain.available();
    }

    public String keychainNote() {
        return keychain.description();
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    public StringProperty labelProperty() {
        return label;
    }

    /** "Audit as": who the audit rows of this profile's edits name in changed_by (e.g. the admin's email). */
    public StringProperty auditAsProperty() {
        return auditAs;
    }

    public StringProperty colourProperty() {
        return colour;
    }

    public StringProperty schemasProperty() {
        return schemas;
    }

    /** The profile's "LiteLLM version" (empty: infer it from the schema), assumed by the key diagnosis. */
    public StringProperty liteLlmVersionProperty() {
        return liteLlmVersion;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
