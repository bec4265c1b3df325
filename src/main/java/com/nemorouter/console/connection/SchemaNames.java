package com.nemorouter.console.connection;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the three table families live. NemoRouter deployments use {@code nemo}, {@code public} (LiteLLM,
 * or Prisma's {@code ?schema=}) and {@code auth} (Supabase), but a profile may name others.
 */
public record SchemaNames(String nemo, String litellm, String auth) {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]*");
    private static final Pattern QUALIFIER = Pattern.compile("(?<![\\w\".'])(nemo|public|auth)\\.(?=[\\w\"])");

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
