package com.nemorouter.console.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.nemorouter.console.wiring.ConsoleServices;
import com.nemorouter.console.integrity.AuditReport;
import com.nemorouter.console.integrity.CheckResult;
import com.nemorouter.console.integrity.Finding;
import com.nemorouter.console.integrity.FindingsCsv;
import com.nemorouter.console.integrity.Severity;

/**
 * {@code audit [--format text|csv|json] [--fail-on error|warning]}: every integrity check, for cron and CI.
 * Exit 0 when nothing at or above {@code --fail-on} (default error) was found, 3 when something was,
 * 2 for bad input, 1 for failures.
 */
public final class AuditCommand implements Command<AuditCommand.Arguments> {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String usage() {
        return "audit [--format text|csv|json] [--fail-on error|warning]   run every integrity check (exit 3 on findings)";
    }

    @Override
    public List<String> details() {
        return List.of(
                "--format text|csv|json  text (default) groups the findings by check; csv and json list check,",
                "                        severity, entity_type, entity_id, tables, detail",
                "--fail-on error|warning the lowest severity that makes the audit exit 3 (default error)");
    }

    @Override
    public Map<Integer, String> exitCodes() {
        return Map.of(3, "findings at or above --fail-on");
    }


    @Override
    public Arguments parse(List<String> args) throws UsageException {
        String format = "text";
        Severity failOn = Severity.ERROR;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String option = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (!option.equals("--format") && !option.equals("--fail-on")) {
                throw new UsageException("unknown argument " + arg + " for audit");
            }
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            } else if (i + 1 < args.size()) {
                value = args.get(++i);
            } else {
                throw new UsageException(option + " needs a value");
            }
            if (option.equals("--format")) {
                if (!List.of("text", "csv", "json").contains(value)) {
                    throw new UsageException("unknown format '" + value + "': use text, csv or json");
                }
                format = value;
            } else {
                if (!value.equals("error") && !value.equals("warning")) {
                    throw new UsageException("unknown --fail-on '" + value + "': use error or warning");
                }
                failOn = Severity.parse(value);
            }
        }
        return new Arguments(format, failOn);
    }

    @Override
    public int run(ConsoleServices services, Arguments arguments, PrintStream out, PrintStream err) {
        AuditReport report = services.audit().runAll();
        switch (arguments.format()) {
            case "json" -> printJson(report, out);
            case "csv" -> out.print(FindingsCsv.format(report.findings()));
            default -> printText(report, out);
        }
        for (CheckResult skipped : report.skipped()) {
            err.println("audit: skipped " + skipped.check().id() + ": " + skipped.skippedReason());
        }
        if (!report.complete()) {
            // An incomplete audit is a failure, whatever it found: a clean result would be a false all-clear.
            err.println("audit: incomplete, " + report.skipped().size() + " of " + report.results().size()
                    + " checks skipped");
            return 1;
        }
        return report.hasFindingsAtLeast(arguments.failOn()) ? 3 : 0;
    }

    private static void printJson(AuditReport report, PrintStream out) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Finding finding : report.findings()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("check", finding.check().id());
            object.put("severity", finding.severity().id());
            object.put("entity_type", finding.entityType());
            object.put("entity_id", finding.entityId());
            object.put("tables", finding.tables());
            object.put("detail", finding.detail());
            findings.add(object);
        }
        JsonOutput.print(out, findings);
    }

    private static void printText(AuditReport report, PrintStream out) {
        for (CheckResult result : report.results()) {
            int count = result.findings().size();
            if (result.wasSkipped()) {
                out.println(result.check().id() + ": skipped (" + result.skippedReason() + ")");
                continue;
            }
            out.println(result.check().id() + ": " + (count == 0 ? "ok" : count + (count == 1 ? " finding" : " findings"))
                    + (result.truncated() ? " (more not listed)" : ""));
            for (Finding finding : result.findings()) {
                out.println("  " + finding.severity().id() + "  " + finding.entityType() + " " + finding.entityId()
                        + "  " + finding.detail());
            }
        }
        long errors = report.findings().stream().filter(finding -> finding.severity() == Severity.ERROR).count();
        long warnings = report.findings().stream().filter(finding -> finding.severity() == Severity.WARNING).count();
        long infos = report.findings().size() - errors - warnings;
        out.println("audit: " + count(errors, "error") + ", " + count(warnings, "warning") + ", " + infos + " info");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    record Arguments(String format, Severity failOn) {
    }
}
