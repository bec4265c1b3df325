package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nemorouter.console.app.ConsoleServices;
import com.nemorouter.console.integrity.KeyResolution;
import com.nemorouter.console.integrity.KeyService;

/**
 * {@code key <sk-key|sha256-hash> [--json]}: the AuthContext the backend would build for a key. The key
 * is hashed here; it is never printed. Exit 0 when found, 3 when no key has that hash, 2 for bad input.
 */
public final class KeyCommand implements Command<KeyCommand.Arguments> {

    @Override
    public String name() {
        return "key";
    }

    @Override
    public List<String> details() {
        return List.of(
                "<sk-key|hash>  " + KeyService.VALID_KEY_HINT + "; the key is hashed here and never",
                "               printed, but in scripts pass the hash: an argument shows up in the process list",
                "--json         print one object: org_id, team_id, user_id, key_alias, blocked, expired,",
                "               org_in_nemo, org_in_litellm");
    }

    @Override
    public Map<Integer, String> exitCodes() {
        return Map.of(3, "no key has that hash");
    }

    @Override
    public String usage() {
        return "key <sk-key|hash> [--json] the AuthContext of a virtual key (hashed locally; exit 3 if unknown)";
    }


    @Override
    public Arguments parse(List<String> args) throws UsageException {
        ValueAndJson parsed = ValueAndJson.parse("key", args, "key needs " + KeyService.VALID_KEY_HINT);
        try {
            KeyService.tokenHash(parsed.value());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Arguments(parsed.value(), parsed.json());
    }

    @Override
    public int run(ConsoleServices services, Arguments arguments, PrintStream out, PrintStream err) {
        Optional<KeyResolution> resolved = services.keys().resolve(arguments.key());
        if (resolved.isEmpty()) {
            err.println("no key: LiteLLM_VerificationToken has no row with hash " + KeyService.tokenHash(arguments.key()));
            return 3;
        }
        KeyResolution key = resolved.get();
        if (arguments.json()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("org_id", key.orgId());
            object.put("team_id", key.teamId());
            object.put("user_id", key.userId());
            object.put("key_alias", key.keyAlias());
            object.put("blocked", key.blocked());
            object.put("expired", key.expired());
            object.put("org_in_nemo", key.orgInNemo());
            object.put("org_in_litellm", key.orgInLiteLlm());
            JsonOutput.print(out, object);
            return 0;
        }
        out.println("token (sha256): " + key.tokenHash());
        out.println("key_alias:      " + nullable(key.keyAlias()));
        out.println("org_id:         " + nullable(key.orgId()) + " (from the " + key.orgSource() + ")");
        out.println("team_id:        " + nullable(key.teamId()));
        out.println("user_id:        " + nullable(key.userId()) + (key.userRole() == null ? "" : " (" + key.userRole() + ")"));
        out.println("blocked:        " + key.blocked() + (key.teamBlocked() ? " (team blocked)" : ""));
        out.println("expired:        " + key.expired() + (key.expires() == null ? "" : " (expires " + key.expires() + " UTC)"));
        out.println("org present:    nemo " + yesNo(key.orgInNemo()) + ", LiteLLM " + yesNo(key.orgInLiteLlm()));
        out.println("team present:   nemo " + yesNo(key.teamInNemo()) + ", LiteLLM " + yesNo(key.teamInLiteLlm()));
        return 0;
    }

    private static String nullable(String value) {
        return value == null ? "-" : value;
    }

    private static String yesNo(boolean present) {
        return present ? "yes" : "NO";
    }

    record Arguments(String key, boolean json) {
    }
}
