package com.nemorouter.console.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

import com.nemorouter.console.connection.SchemaNames;

/**
 * One statement of a repair, with its bound values. {@link #preview()} shows it with the values written
 * in, which is what runs (the values are bound as parameters, never concatenated).
 */
public record RepairStatement(String sql, Map<String, Object> parameters) {

    public RepairStatement {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    public RepairStatement resolved(SchemaNames schemas) {
        return new RepairStatement(schemas.resolve(sql), parameters);
    }

    public String preview() {
        String text = sql.strip();
        // Longest names first, so :org is not replaced inside :org_name.
        for (String name : parameters.keySet().stream().sorted((a, b) -> b.length() - a.length()).toList()) {
            Object value = parameters.get(name);
            String literal = value == null ? "null" : "'" + String.valueOf(value).replace("'", "''") + "'";
            text = text.replace(":" + name, literal);
        }
        return text + ";";
    }
}
