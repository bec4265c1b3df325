package com.nemorouter.console.integrity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.persistence.litellm.LiteLlmOrganization;
import com.nemorouter.console.persistence.litellm.LiteLlmTeam;
import com.nemorouter.console.persistence.litellm.LiteLlmVerificationToken;
import com.nemorouter.console.persistence.nemo.NemoOrganization;
import com.nemorouter.console.persistence.nemo.NemoTeam;
import com.nemorouter.console.presence.Ids;

import jakarta.persistence.Tuple;

/**
 * Resolves a virtual key as the NemoRouter backend does: SHA-256 of the {@code sk-} key (computed here,
 * so the raw key never leaves the process, is never stored and never logged), then the
 * {@code LiteLLM_VerificationToken} row. One read-only transaction, one statement, on a background thread.
 * The expiry is compared with this machine's clock in UTC (LiteLLM stores UTC wall-clock times).
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

    /**
     * The key through the entity model, in one statement: the token with its LiteLLM team and user, and the nemo
     * team and both organizations that share its team's and organization's ids (joined as text, exactly as
     * LiteLLM's joins match them, so another spelling of a UUID finds no twin).
     *
     * @return empty when no key has that hash
     */
    public Optional<KeyResolution> resolve(String keyOrHash) {
        String hash = tokenHash(keyOrHash);
        return database.read(em -> em.createQuery("""
                select k as token, nt as nemoTeam, n as nemoOrganization, l as liteLlmOrganization
                from LiteLlmVerificationToken k
                left join fetch k.team t
                left join fetch k.user u left join fetch u.authUser
                left join NemoTeam nt on cast(nt.teamId as String) = k.teamId
                left join fetch nt.liteLlm
                left join NemoOrganization n on cast(n.organizationId as String) = coalesce(k.organizationId, t.organizationId)
                left join fetch n.liteLlm
                left join LiteLlmOrganization l on l.organizationId = coalesce(k.organizationId, t.organizationId)
                where k.token = :token""", Tuple.class)
                .setParameter("token", hash)
                .getResultStream().findFirst().map(KeyService::resolution));
    }

    /** The AuthContext the backend builds: the key's own org wins over its team's. */
    private static KeyResolution resolution(Tuple row) {
        LiteLlmVerificationToken key = row.get("token", LiteLlmVerificationToken.class);
        LiteLlmTeam team = key.getTeam();
        String teamOrg = team == null ? null : team.getOrganizationId();
        String org = key.getOrganizationId() != null ? key.getOrganizationId() : teamOrg;
        String source = key.getOrganizationId() != null ? "key" : teamOrg != null ? "team" : "none";
        LocalDateTime expires = key.getExpires();
        return new KeyResolution(key.getToken(), key.getKeyAlias(), org, source, key.getTeamId(), key.getUserId(),
                key.getUser() == null ? null : key.getUser().getUserRole(), key.isBlocked(),
                team != null && team.isBlocked(), expires != null && expires.isBefore(LocalDateTime.now(ZoneOffset.UTC)),
                expires, row.get("nemoOrganization", NemoOrganization.class) != null,
                row.get("liteLlmOrganization", LiteLlmOrganization.class) != null,
                row.get("nemoTeam", NemoTeam.class) != null, team != null);
    }

    private static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
