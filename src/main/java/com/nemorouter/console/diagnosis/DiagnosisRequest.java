package com.nemorouter.console.diagnosis;

import com.nemorouter.console.integrity.KeyService;

/**
 * What to diagnose: a key's hash (never the raw key: hash it with {@link KeyService#tokenHash} first) and
 * the request as the customer sent it.
 *
 * @param model    the requested model, or null
 * @param route    the route, null for {@code /chat/completions}
 * @param endUser  the end-user id the request names ({@code user} field), or null
 * @param version  the LiteLLM version to assume, or null to take it from the schema
 * @param scanSpendLogs read {@code LiteLLM_SpendLogs} even when it is large and has no index on api_key
 */
public record DiagnosisRequest(String tokenHash, String model, String route, String endUser,
                               VersionAssumption version, boolean scanSpendLogs) {

    public DiagnosisRequest {
        if (tokenHash == null || tokenHash.length() != 64) {
            throw new IllegalArgumentException("A diagnosis needs the key's SHA-256 hash (hash the key first).");
        }
        model = blankToNull(model);
        endUser = blankToNull(endUser);
        route = blankToNull(route);
        if (route != null && !route.startsWith("/")) {
            throw new IllegalArgumentException("A route starts with /, like /chat/completions; got '" + route + "'.");
        }
    }

    public static DiagnosisRequest of(String tokenHash) {
        return new DiagnosisRequest(tokenHash, null, null, null, null, false);
    }

    public DiagnosisRequest withToken(String otherHash) {
        return new DiagnosisRequest(otherHash, model, route, endUser, version, scanSpendLogs);
    }

    /** The request behind {@code diagnosis}, to run it again after a fix. */
    static DiagnosisRequest withVersion(KeyDiagnosis diagnosis) {
        return new DiagnosisRequest(diagnosis.tokenHash(), diagnosis.model(), diagnosis.route(), diagnosis.endUser(),
                diagnosis.assumed(), !diagnosis.spendLogs().wasSkipped());
    }

    public DiagnosisRequest scanningSpendLogs() {
        return new DiagnosisRequest(tokenHash, model, route, endUser, version, true);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
