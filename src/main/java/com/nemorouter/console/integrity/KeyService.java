package com.nemorouter.console.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.presence.Ids;

/**
 * Resolves a virtual key as the NemoRouter backend does: SHA-256 of the {@code sk-} key (computed here,
 * so the raw key never leaves the process, is never stored and never logged), then the
 * {@code LiteLLM_VerificationToken} row. One statement, its own transaction, on a background thread.
 */
public final class KeyService {

    public static final String VALID_KEY_HINT = "a virtual key starting with sk- or its 64-character SHA-256 hex hash";

    private final Database database;

    public KeyService(Database database) {
        this.database = database;
    }

    /**
     * The token hash for {@code input} without touching the database.
     *
     * @throws IllegalArgumentException when it is neither a key nor a hash (the message never repeats the input)
     */
    public static String tokenHash(String input) {
        String text = input == null ? "" : input.strip();
        if (text.startsWith("sk-") && text.length() > 3 && text.chars().noneMatch(Character::isWhitespace)) {
            return sha256Hex(text);
        }
        if (Ids.isSha256Hex(text)) {
            return text.toLowerCase(Locale.ROOT);
        }
        throw new IllegalArgumentException("Not a key: paste " + VALID_KEY_HINT + ".");
    }

    /** @return empty when no key has that hash */
    public Optional<KeyResolution> resolve(String keyOrHash) {
        String hash = tokenHash(keyOrHash);
        // One statement in its own implicit transaction: the lookup takes a few milliseconds, so the round
        // trips of an explicit transaction (and Hibernate around it) would be most of its cost.
        return database.readStatement(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(database.sql("""
                    with k as (
                        select k.token, k.key_alias, k.user_id, k.team_id, k.organization_id as key_org,
                               t.organization_id as team_org, coalesce(k.organization_id, t.organization_id) as org,
                               coalesce(k.blocked, false) as blocked, coalesce(t.blocked, false) as team_blocked,
                               k.expires, t.team_id is not null as team_in_litellm, u.user_role
                        from {litellm}."LiteLLM_VerificationToken" k
                        left join {litellm}."LiteLLM_TeamTable" t on t.team_id = k.team_id
                        left join {litellm}."LiteLLM_UserTable" u on u.user_id = k.user_id
                        where k.token = ?
                    )
                    select k.token, k.key_alias, k.org,
                           case when k.key_org is not null then 'key' when k.team_org is not null then 'team' else 'none' end,
                           k.team_id, k.user_id, k.user_role, k.blocked, k.team_blocked,
                           k.expires is not null and k.expires < timezone('utc', now()), k.expires,
                           exists (select 1 from {nemo}.organizations n
                                   where n.organization_id = case when k.org ~ '%s' then cast(k.org as uuid) end
                                     and n.organization_id::text = k.org),
                           exists (select 1 from {litellm}."LiteLLM_OrganizationTable" o where o.organization_id = k.org),
                           exists (select 1 from {nemo}.teams n
                                   where n.team_id = case when k.team_id ~ '%s' then cast(k.team_id as uuid) end
                                     and n.team_id::text = k.team_id),
                           k.team_in_litellm
                    from k
                    """.formatted(Ids.SQL_UUID_PATTERN, Ids.SQL_UUID_PATTERN)))) {
                statement.setString(1, hash);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.<KeyResolution>empty();
                    }
                    // LiteLLM's expires is a timestamp without zone holding UTC: read it as it is stored.
                    LocalDateTime expires = row.getObject(11, LocalDateTime.class);
                    return Optional.of(new KeyResolution(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5), row.getString(6), row.getString(7), row.getBoolean(8),
                            row.getBoolean(9), row.getBoolean(10), expires,
                            row.getBoolean(12), row.getBoolean(13), row.getBoolean(14), row.getBoolean(15)));
                }
            }
        });
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
