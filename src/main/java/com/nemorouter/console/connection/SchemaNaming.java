package com.nemorouter.console.connection;

import org.hibernate.boot.model.naming.Identifier;
import org.hibernate.boot.model.naming.PhysicalNamingStrategyStandardImpl;
import org.hibernate.engine.jdbc.env.spi.JdbcEnvironment;

/**
 * Where the entities' tables are: each entity names its table family as its schema ({@code @Table(schema =
 * "litellm")}, {@code "nemo"}, {@code "auth"}), and this maps the family to the connection's configured schema,
 * the same names {@link SchemaNames#resolve} puts into the SQL.
 */
public final class SchemaNaming extends PhysicalNamingStrategyStandardImpl {

    private final SchemaNames schemas;

    public SchemaNaming(SchemaNames schemas) {
        this.schemas = schemas;
    }

    @Override
    public Identifier toPhysicalSchemaName(Identifier logicalName, JdbcEnvironment environment) {
        if (logicalName == null) {
            return null;
        }
        String schema = switch (logicalName.getText()) {
            case "nemo" -> schemas.nemo();
            case "litellm" -> schemas.litellm();
            case "auth" -> schemas.auth();
            default -> throw new IllegalStateException("An entity names schema '" + logicalName.getText()
                    + "'; entities name their table family: nemo, litellm or auth.");
        };
        return Identifier.toIdentifier(schema, !schema.equals(schema.toLowerCase(java.util.Locale.ROOT)));
    }
}
