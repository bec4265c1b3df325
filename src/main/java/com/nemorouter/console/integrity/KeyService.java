package com.nemorouter.console.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.presence.Ids;

/**
 * Resolves a virtual key as the NemoRouter backend does: SHA-256 of the {@code sk-} key (computed here,
 * so the raw key never leaves the process, is never stored and never logged), then the
 * {@code LiteLLM_VerificationToken} row. One read-only transaction, one statement, on a background thread.
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
        return database.read(em -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                    with k as (
                        select k.token, k.key_alias, k.user_id, k.team_id, k.organization_id as key_org,
                               t.organization_id as team_org, coalesce(k.organization_id, t.organization_id) as org,
                               coalesce(k.blocked, false) as blocked, coalesce(t.blocked, false) as team_blocked,
                               k.expires, t.team_id is not null as team_in_litellm, u.user_role
                        from {litellm}."LiteLLM_VerificationToken" k
                        left join {litellm}."LiteLLM_TeamTable" t on t.team_id = k.team_id
                        left join {litellm}."LiteLLM_UserTable" u on u.user_id = k.user_id
                        where k.token = :token
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
                    """.formatted(Ids.SQL_UUID_PATTERN, Ids.SQL_UUID_PATTERN))
                    .setParameter("token", hash)
                    .getResultList();
            if (rows.isEmpty()) {
                return Optional.<KeyResolution>empty();
            }
            Object[] row = rows.get(0);
            return Optional.of(new KeyResolution((String) row[0], (String) row[1], (String) row[2], (String) row[3],
                    (String) row[4], (String) row[5], (String) row[6], (Boolean) row[7], (Boolean) row[8],
                    (Boolean) row[9], toLocalDateTime(row[10]), (Boolean) row[11], (Boolean) row[12],
                    (Boolean) row[13], (Boolean) row[14]));
        });
    }

    private static LocalDateTime toLocalDateTime(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        return (LocalDateTime) value;
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
