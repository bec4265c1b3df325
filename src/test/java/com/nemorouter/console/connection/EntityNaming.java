package com.nemorouter.console.connection;

import org.hibernate.boot.model.naming.PhysicalNamingStrategy;

/** For tests outside this package that build their own EntityManagerFactory: the naming Database installs. */
public final class EntityNaming {

    private EntityNaming() {
    }

    public static PhysicalNamingStrategy of(SchemaNames schemas) {
        return new SchemaNaming(schemas);
    }
}
