package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.diagnosis.CheckLine;
import com.nemorouter.console.diagnosis.DiagnosisRequest;
import com.nemorouter.console.diagnosis.KeyDiagnosis;
import com.nemorouter.console.diagnosis.LiteLlmVersion;
import com.nemorouter.console.diagnosis.SpendLine;
import com.nemorouter.console.diagnosis.VersionAssumption;
import com.nemorouter.console.integrity.KeyResolution;
import com.nemorouter.console.integrity.KeyService;

/**
 * {@code key <sk-key|sha256-hash> [--json]}: the AuthContext the backend would build for a key (exit 0 when
 * found, 3 when no key has that hash). With {@code --diagnose}: whether LiteLLM's proxy would accept it and
 * why not (exit 0 accepted, 3 rejected). 2 for bad input. The key is hashed here; it is never printed.
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
        return "key <sk-key|hash> [--json] the AuthContext of a virtual key (hashed locally; exit 3 if unknown)\n"
                + "  key <sk-key|hash> --diagnose [--model M] [--route R] [--end-user ID] [--litellm-version V] "
                + "[--scan-spend-logs] [--json]\n"
                + "      would LiteLLM accept the key, and if not, which check fails first (exit 0 accepted, 3 rejected)";
    }

    @Override
    public Arguments parse(List<String> args) throws UsageException {
        String key = null;
        boolean json = false;
        boolean diagnose = false;
        boolean scan = false;
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--diagnose" -> diagnose = true;
                case "--scan-spend-logs" -> scan = true;
                case "--model", "--route", "--end-user", "--litellm-version" -> {
                    if (i + 1 >= args.size() || args.get(i + 1).startsWith("--")) {
                        throw new UsageException(arg + " needs a value, for example " + example(arg));
                    }
                    options.put(arg, args.get(++i));
                }
                default -> {
                    if (arg.startsWith("--")) {
                        throw new UsageException("unknown option " + arg + " for key (--json, --diagnose, --model, "
                                + "--route, --end-user, --litellm-version, --scan-spend-logs)");
                    }
                    if (key != null) {
                        throw new UsageException("key takes one value, got a second one");
                    }
                    key = arg;
                }
            }
        }
        if (key == null) {
            throw new UsageException("key needs " + KeyService.VALID_KEY_HINT);
        }
        String hash;
        try {
            hash = KeyService.tokenHash(key);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (!diagnose && (scan || !options.isEmpty())) {
            throw new UsageException((scan ? "--scan-spend-logs" : options.keySet().iterator().next())
                    + " only goes with --diagnose");
        }
        VersionAssumption version = null;
        if (options.containsKey("--litellm-version")) {
            try {
                version = new VersionAssumption(LiteLlmVersion.parse(options.get("--litellm-version")), "--litellm-version");
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        DiagnosisRequest request = null;
        if (diagnose) {
            try {
                request = new DiagnosisRequest(hash, options.get("--model"), options.get("--route"),
                        options.get("--end-user"), version, scan);
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return new Arguments(hash, json, request);
    }

    private static String example(String option) {
        return switch (option) {
            case "--model" -> "--model gpt-4o";
            case "--route" -> "--route /chat/completions";
            case "--end-user" -> "--end-user customer-42";
            default -> "--litellm-version 1.84";
        };
    }

    @Override
    public int run(ConsoleServices services, Arguments arguments, PrintStream out, PrintStream err) {
        if (arguments.diagnosis() != null) {
            return diagnose(services, arguments, out);
        }
        Optional<KeyResolution> resolved = services.keys().resolve(arguments.hash());
        if (resolved.isEmpty()) {
            err.println("no key: LiteLLM_VerificationToken has no row with hash " + arguments.hash());
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

    private static int diagnose(ConsoleServices services, Arguments arguments, PrintStream out) {
        KeyDiagnosis diagnosis = services.diagnosis().diagnose(arguments.diagnosis());
        if (arguments.json()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("allowed", diagnosis.allowed());
            if (diagnosis.firstFailure() == null) {
                object.put("first_failure", null);
            } else {
                Map<String, Object> failure = new LinkedHashMap<>();
                failure.put("check", diagnosis.firstFailure().check().id());
                failure.put("status", diagnosis.firstFailure().status());
                failure.put("type", diagnosis.firstFailure().type());
                failure.put("message", diagnosis.firstFailure().message());
                object.put("first_failure", failure);
            }
            List<Map<String, Object>> checks = new ArrayList<>();
            for (CheckLine line : diagnosis.checks()) {
                Map<String, Object> check = new LinkedHashMap<>();
                check.put("check", line.check().id());
                check.put("result", line.result().id());
                check.put("detail", line.detail());
                checks.add(check);
            }
            object.put("checks", checks);
            object.put("assumed_version", diagnosis.assumed().describe());
            object.put("caveats", diagnosis.caveats());
            JsonOutput.print(out, object);
        } else {
            out.println("token (sha256):  " + diagnosis.tokenHash()
                    + (diagnosis.found() && !diagnosis.resolvedToken().equals(diagnosis.tokenHash())
                    ? " (rotated; now " + diagnosis.resolvedToken() + ")" : ""));
            out.println("request:         " + (diagnosis.model() == null ? "(no model)" : "model " + diagnosis.model())
                    + ", route " + diagnosis.route() + (diagnosis.endUser() == null ? "" : ", end user " + diagnosis.endUser()));
            out.println("verdict:         " + diagnosis.verdict());
            if (diagnosis.firstFailure() != null) {
                out.println("customer saw:    HTTP " + diagnosis.firstFailure().status() + " {\"error\": {\"type\": \""
                        + diagnosis.firstFailure().type() + "\", \"message\": \"" + diagnosis.firstFailure().message() + "\"}}");
            }
            out.println("checks (LiteLLM's order):");
            for (CheckLine line : diagnosis.checks()) {
                out.printf("  %-15s %-19s %s%n", line.result().id(), line.check().id(), line.detail());
            }
            if (!diagnosis.spend().isEmpty()) {
                out.println("spend:");
                for (SpendLine line : diagnosis.spend()) {
                    out.println("  " + line.describe());
                }
            }
            out.println(diagnosis.spendLogs().describe());
            out.println("updated_at:      key " + nullable(diagnosis.keyUpdatedAt()) + " UTC, team "
                    + nullable(diagnosis.teamUpdatedAt()) + " UTC (now " + (diagnosis.checkedAt() == null ? "-" : diagnosis.checkedAt().withNano(0)) + " UTC)");
            out.println("caveats:");
            diagnosis.caveats().forEach(caveat -> out.println("  - " + caveat));
        }
        return diagnosis.allowed() ? 0 : 3;
    }

    private static String nullable(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static String yesNo(boolean present) {
        return present ? "yes" : "NO";
    }

    /** @param diagnosis the diagnosis to run, or null for the plain AuthContext */
    record Arguments(String hash, boolean json, DiagnosisRequest diagnosis) {
    }
}
