package com.nemorouter.console.connection;

import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

/**
 * Where the three table families live. NemoRouter deployments use {@code nemo}, {@code public} (LiteLLM,
 * or Prisma's {@code ?schema=}) and {@code auth} (Supabase), but a profile may name others.
 */
public record SchemaNames(String nemo, String litellm, String auth) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    /** The placeholders {@link #resolve} fills in. */
    public static final String NEMO = "{nemo}";
    public static final String LITELLM = "{litellm}";
    public static final String AUTH = "{auth}";
    private static final Pattern LOWER_CASE = Pattern.compile("[a-z_][a-z0-9_$]*");

    /** The EntityManagerFactory property under which {@link Database} keeps the names its SQL is resolved with. */
    static final String PROPERTY = "nemo-console.schema-names";

    /** Declared after the patterns: the constructor validates with them. */
    public static final SchemaNames DEFAULT = new SchemaNames("nemo", "public", "auth");

    public SchemaNames {
        for (String name : new String[] {nemo, litellm, auth}) {
            if (name == null || !IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("'" + name + "' is not a plain schema name (letters, digits, _).");
            }
        }
    }

    public boolean isDefault() {
        return equals(DEFAULT);
    }

    /**
     * The console's SQL names each table family by a placeholder, {@code {litellm}."LiteLLM_TeamTable"},
     * {@code {nemo}.organizations}, {@code {auth}.users}, so a reader sees where a configured name goes.
     * This fills them in with these names; nothing else in the text is touched. Database resolves every
     * EntityManager statement this way once per connection; plain-JDBC code calls it itself.
     */
    public String resolve(String sql) {
        if (sql.indexOf('{') < 0) {
            return sql;
        }
        return sql.replace(NEMO, sqlName(nemo)).replace(LITELLM, sqlName(litellm)).replace(AUTH, sqlName(auth));
    }

    /**
     * The placeholder of a table family, for SQL built from catalog rows that name the family by its default
     * schema ({@code nemo}, {@code public} or {@code auth}).
     */
    public static String placeholder(String family) {
        return switch (family) {
            case "nemo" -> NEMO;
            case "public", "litellm" -> LITELLM;
            case "auth" -> AUTH;
            default -> throw new IllegalArgumentException("unknown schema family " + family);
        };
    }

    /** Bare when PostgreSQL would not fold or misread it, quoted otherwise. */
    private static String sqlName(String schema) {
        return LOWER_CASE.matcher(schema).matches() ? schema : quote(schema);
    }

    /**
     * The names the connection of {@code em} resolves its SQL's placeholders to: code that must name a schema as a value
     * (a regclass, a catalog filter) binds it from here, so string literals never name a schema.
     */
    public static SchemaNames of(EntityManager em) {
        Object names = em.getEntityManagerFactory().getProperties().get(PROPERTY);
        return names instanceof SchemaNames schemas ? schemas : DEFAULT;
    }

    /**
     * The text form of a table's regclass where these names put it, for {@code to_regclass(:name)}:
     * {@code family} is the default schema name ({@code nemo}, {@code public} or {@code auth}).
     */
    public String regclass(String family, String table) {
        String schema = switch (family) {
            case "nemo" -> nemo;
            case "public" -> litellm;
            case "auth" -> auth;
            default -> throw new IllegalArgumentException("unknown schema family " + family);
        };
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** Parses {@code nemo=x,public=y,auth=z} (any subset; the rest keep their defaults). */
    public static SchemaNames parse(String text) {
        String nemo = DEFAULT.nemo;
        String litellm = DEFAULT.litellm;
        String auth = DEFAULT.auth;
        for (String part : text.split(",")) {
            String[] pair = part.split("=", 2);
            if (pair.length != 2) {
                throw new IllegalArgumentException("Schema names look like nemo=nemo,public=public,auth=auth; got '"
                        + part.strip() + "'.");
            }
            String value = pair[1].strip();
            switch (pair[0].strip()) {
                case "nemo" -> nemo = value;
                case "public", "litellm" -> litellm = value;
                case "auth" -> auth = value;
                default -> throw new IllegalArgumentException("Unknown schema family '" + pair[0].strip()
                        + "'; use nemo, public or auth.");
            }
        }
        return new SchemaNames(nemo, litellm, auth);
    }

    @Override
    public String toString() {
        return "nemo=" + nemo + ",public=" + litellm + ",auth=" + auth;
    }
}
