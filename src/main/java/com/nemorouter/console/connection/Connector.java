package com.nemorouter.console.connection;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens what {@link LaunchOptions} ask for: the demo database, or a real one by URL. */
public final class Connector {

    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);

    private static final String FLAG_REASON = "started with --read-only";
    private static final String PROFILE_REASON = "the connection profile is marked read-only";

    private final ConsoleHome home;
    private final ConnectionStrings connectionStrings;
    private final Keychain keychain;

    /**
     * Resolves connection strings with the process environment, ~/.pgpass and ~/.pg_service.conf, and
     * profile passwords from the system keychain.
     */
    public Connector(ConsoleHome home) {
        this(home, ConnectionStrings.fromSystem(System.getenv()), Keychain.fromSystem());
    }

    public Connector(ConsoleHome home, ConnectionStrings connectionStrings) {
        this(home, connectionStrings, Keychain.using(null));
    }

    public Connector(ConsoleHome home, ConnectionStrings connectionStrings, Keychain keychain) {
        this.home = home;
        this.connectionStrings = connectionStrings;
        this.keychain = keychain;
    }

    public ProfileStore profiles() {
        return ProfileStore.in(home);
    }

    public Keychain keychain() {
        return keychain;
    }

    /** Where the demo database, profiles and the local audit fallback live. */
    public ConsoleHome home() {
        return home;
    }

    /**
     * Opens the connection on the calling thread (it can take seconds: never the FX thread).
     *
     * @throws IllegalArgumentException for a malformed connection string
     */
    public OpenConnection open(LaunchOptions options) {
        if (options.usesDemo()) {
            DemoDatabase demo = DemoDatabase.start(home.demoDataDirectory(), options.resetDemo());
            try {
                ConnectionTarget target = options.schemas() == null ? demo.target()
                        : demo.target().withSchemas(options.schemas());
                return new OpenConnection(openDatabase(target, options.settings(), FLAG_REASON), demo);
            } catch (RuntimeException e) {
                demo.close();
                throw e;
            }
        }
        ConnectionProfile profile = null;
        ConnectionSettings settings = options.settings();
        ConnectionTarget target;
        if (options.profile() != null) {
            profile = profiles().find(options.profile()).orElseThrow(() -> new IllegalArgumentException(
                    "No saved profile is named '" + options.profile() + "'. Saved: " + profiles().list().stream()
                            .map(ConnectionProfile::name).reduce((a, b) -> a + ", " + b).orElse("none") + "."));
            target = resolve(profile);
            settings = settings.withReadOnly(settings.readOnly() || profile.readOnly()).withAuditAs(profile.auditAs());
        } else {
            target = connectionStrings.resolve(options.url());
        }
        if (options.schemas() != null) {
            target = target.withSchemas(options.schemas());
        }
        LOG.info("Connecting to {} (sslmode {}, password from {}{})", target.displayName(),
                target.sslMode().spelling(), target.passwordSource(), target.pooler() ? ", pooler" : "");
        String reason = profile != null && profile.readOnly() ? PROFILE_REASON : FLAG_REASON;
        return new OpenConnection(openDatabase(target, settings, reason), null, profile);
    }

    /**
     * Opens a profile from the connection dialog (on the calling thread, never the FX thread).
     *
     * @param typedPassword what the user typed at the prompt; null to use the string's sources and the keychain
     */
    public OpenConnection open(ConnectionProfile profile, char[] typedPassword, ConnectionSettings settings) {
        ConnectionTarget target = resolve(profile);
        if (typedPassword != null) {
            target = target.withPassword(typedPassword, ConnectionTarget.PasswordSource.PROMPT);
            Arrays.fill(typedPassword, '\0');
        }
        LOG.info("Connecting to {} (profile {}, sslmode {}, password from {})", target.displayName(), profile.name(),
                target.sslMode().spelling(), target.passwordSource());
        return new OpenConnection(openDatabase(target, settings.withReadOnly(settings.readOnly() || profile.readOnly())
                        .withAuditAs(profile.auditAs()),
                profile.readOnly() ? PROFILE_REASON : FLAG_REASON), null, profile);
    }

    /** The profile's string with its user; the password from the string's sources, else the keychain. */
    public ConnectionTarget resolve(ConnectionProfile profile) {
        String text = profile.connectionString();
        if (!profile.user().isEmpty()) {
            boolean url = text.contains("://");
            text = url ? text + (text.contains("?") ? "&" : "?") + "user="
                    + URLEncoder.encode(profile.user(), StandardCharsets.UTF_8).replace("+", "%20")
                    : text + " user='" + profile.user().replace("\\", "\\\\").replace("'", "\\'") + "'";
        }
        ConnectionTarget target = connectionStrings.resolve(text);
        if (!profile.schemas().isDefault()) {
            target = target.withSchemas(profile.schemas());
        }
        if (target.password() == null) {
            Optional<char[]> stored = keychain.lookup(profile.name());
            if (stored.isPresent()) {
                target = target.withPassword(stored.get(), ConnectionTarget.PasswordSource.KEYCHAIN);
                Arrays.fill(stored.get(), '\0');
            }
        }
        return target;
    }

    /**
     * Opens read-only when asked, and also when the role lacks a privilege an edit needs: then the
     * database refuses every write, instead of an edit failing half-way through the UI.
     */
    private static Database openDatabase(ConnectionTarget target, ConnectionSettings settings, String askedReason) {
        if (settings.readOnly()) {
            return Database.open(target, settings, askedReason);
        }
        Database database = Database.open(target, settings);
        Optional<String> missing;
        try {
            missing = EditPrivileges.missing(database);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        if (missing.isEmpty()) {
            return database;
        }
        database.close();
        LOG.info("Opening read-only: {}", missing.get());
        return Database.open(target, settings.withReadOnly(true), missing.get());
    }

    /** A database and, for the demo, the embedded server behind it; closing stops both. */
    public record OpenConnection(Database database, DemoDatabase demo, ConnectionProfile profile)
            implements AutoCloseable {

        public OpenConnection(Database database, DemoDatabase demo) {
            this(database, demo, null);
        }

        /**
         * Starts Hibernate now, on the caller's (background) thread, so the window's first read does not wait
         * for it. The window calls this instead of reaching into {@link Database}.
         */
        public void startHibernate() {
            database.startHibernate();
        }

        @Override
        public void close() {
            try {
                database.close();
            } finally {
                if (demo != null) {
                    demo.close();
                }
            }
        }
    }
}
