package com.nemorouter.console.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;

import org.junit.jupiter.api.Test;

class DriverConnectionsTest {

    /** HikariCP waits this long for its connection adder when it closes; zero made it warn on stderr. */
    @Test
    void reportsTheConfiguredLoginTimeoutToThePool() {
        Properties properties = new Properties();
        properties.setProperty("loginTimeout", "7");
        assertThat(new DriverConnections("jdbc:postgresql://localhost/x", properties).getLoginTimeout()).isEqualTo(7);
        properties.setProperty("loginTimeout", "2.5");
        assertThat(new DriverConnections("jdbc:postgresql://localhost/x", properties).getLoginTimeout()).isEqualTo(3);
        assertThat(new DriverConnections("jdbc:postgresql://localhost/x", new Properties()).getLoginTimeout()).isEqualTo(5);
    }
}
