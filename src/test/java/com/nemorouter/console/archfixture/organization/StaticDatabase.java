package com.nemorouter.console.archfixture.organization;

import com.nemorouter.console.connection.Database;

/** A global connection, reachable from anywhere instead of being passed in. */
public class StaticDatabase {
    static final Database DATABASE = null;
}
