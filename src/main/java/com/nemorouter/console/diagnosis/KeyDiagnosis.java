package com.nemorouter.console.diagnosis;

import java.time.LocalDateTime;
import java.util.List;

/**
 * Whether LiteLLM's proxy would accept a key, judged from the database: every check in LiteLLM's order,
 * the first failure as the customer most likely saw it, the version assumed and the caveats that make this
 * a strong hint rather than a verdict. Holds the key's hash, never the raw key.
 *
 * @param resolvedToken the hash of the live key row (differs from {@code tokenHash} for a rotated key), or null
 * @param firstFailure  null when the key would be accepted
 * @param keyUpdatedAt  the key row's {@code updated_at} (UTC), to tell a cached old row from a real rejection
 */
public record KeyDiagnosis(String tokenHash, String resolvedToken, String keyAlias, String teamId, String userId,
                           String organizationId, String model, String route, String endUser, Rejection firstFailure,
                           List<CheckLine> checks, VersionAssumption assumed, List<String> caveats,
                           LocalDateTime keyUpdatedAt, LocalDateTime teamUpdatedAt, LocalDateTime checkedAt,
                           List<SpendLine> spend, SpendLogSummary spendLogs) {

    public KeyDiagnosis {
        checks = List.copyOf(checks);
        caveats = List.copyOf(caveats);
        spend = List.copyOf(spend);
    }

    public boolean allowed() {
        return firstFailure == null;
    }

    public boolean found() {
        return resolvedToken != null;
    }

    public CheckLine line(CheckId check) {
        return checks.stream().filter(line -> line.check() == check).findFirst().orElseThrow();
    }

    /** One sentence: {@code would be ACCEPTED} or {@code would be REJECTED by key_blocked: 401 auth_error}. */
    public String verdict() {
        return allowed() ? "LiteLLM would ACCEPT this key (assuming LiteLLM " + assumed.describe() + ")"
                : "LiteLLM would REJECT this key: " + firstFailure.check().id() + " → HTTP " + firstFailure.status() + " "
                        + firstFailure.type() + " (assuming LiteLLM " + assumed.describe() + ")";
    }
}
