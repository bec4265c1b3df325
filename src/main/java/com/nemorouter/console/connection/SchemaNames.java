package com.nemorouter.console.connection;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.persistence.EntityManager;

/**
 * Where the three table families live. NemoRouter deployments use {@code nemo}, {@code public} (LiteLLM,
 * or Prisma's {@code ?schema=}) and {@code auth} (Supabase), but a profile may name others.
 */
public record SchemaNames(String nemo, String litellm, String auth) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w\".'])(nemo|public|auth)\\.(?=[\\w\"])");

    /** The EntityManagerFactory property under which {@link Database} keeps the names its SQL is rewritten to. */
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
     * Rewrites the default schema qualifiers in SQL ({@code nemo.}, {@code public.}, {@code auth.}) to these
     * names. The console's SQL is written against the default names; this keeps it that way while a
     * profile points elsewhere.
     */
    public String qualify(String sql) {
        if (isDefault()) {
            return sql;
        }
        Map<String, String> names = Map.of("nemo", nemo, "public", litellm, "auth", auth);
        Matcher matcher = QUALIFIER.matcher(sql);
        StringBuilder out = new StringBuilder(sql.length() + 16);
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(names.get(matcher.group(1)) + "."));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * The names the connection of {@code em} rewrites its SQL to: code that must name a schema as a value
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
