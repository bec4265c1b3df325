package com.nemorouter.console.integrity;

import java.util.List;

/** Findings as CSV (RFC 4180 quoting), for {@code audit --format csv} and the audit view's export. */
public final class FindingsCsv {

    public static final String HEADER = "check,severity,entity_type,entity_id,tables,detail";

    private FindingsCsv() {
    }

    public static String format(List<Finding> findings) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        for (Finding finding : findings) {
            csv.append(field(finding.check().id())).append(',')
                    .append(field(finding.severity().id())).append(',')
                    .append(field(finding.entityType())).append(',')
                    .append(field(finding.entityId())).append(',')
                    .append(field(String.join(";", finding.tables()))).append(',')
                    .append(field(finding.detail())).append('\n');
        }
        return csv.toString();
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
                || value.indexOf('\r') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }
}
