package com.nemorouter.console.integrity;

import static com.nemorouter.console.testing.Seed.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Locale;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.testing.TestDatabases;

import org.junit.jupiter.api.Test;

class KeyServiceTest {

    private final KeyService keys = new KeyService(TestDatabases.seeded());

    @Test
    void resolvesARawKeyToTheAuthContextTheBackendWouldBuild() {
        KeyResolution key = keys.resolve(DEMO_KEY_WITH_ORG).orElseThrow();
        assertThat(key.orgId()).isEqualTo(ACME);
        assertThat(key.orgSource()).isEqualTo("key");
        assertThat(key.teamId()).isEqualTo(ACME_PLATFORM_TEAM);
        assertThat(key.userId()).isNotBlank();
        assertThat(key.keyAlias()).startsWith("platform-");
        assertThat(key.orgInNemo()).isTrue();
        assertThat(key.orgInLiteLlm()).isTrue();
        assertThat(key.teamInNemo()).isTrue();
        assertThat(key.teamInLiteLlm()).isTrue();
        assertThat(key.blocked()).isFalse();
        assertThat(key.expired()).isFalse();
        assertThat(key.healthy()).isTrue();
        assertThat(key.toString()).doesNotContain(DEMO_KEY_WITH_ORG);
    }

    @Test
    void resolvesTheSameKeyFromItsHashInEitherCase() {
        String hash = KeyService.tokenHash(DEMO_KEY_WITH_ORG);
        assertThat(hash).hasSize(64).isEqualTo(keys.resolve(DEMO_KEY_WITH_ORG).orElseThrow().tokenHash());
        assertThat(keys.resolve(hash.toUpperCase(Locale.ROOT))).isEqualTo(keys.resolve(DEMO_KEY_WITH_ORG));
    }

    @Test
    void readsTheExpiryAsLiteLlmStoresIt() {
        String name = TestDatabases.copyOfSeed();
        TestDatabases.execute(TestDatabases.dataSource(name), "update {litellm}.\"LiteLLM_VerificationToken\" "
                + "set expires = timestamp '2020-01-02 03:04:05.678' where token = '" + KeyService.tokenHash(DEMO_KEY_WITH_ORG) + "'");
        try (Database database = Database.open(TestDatabases.target(name))) {
            KeyResolution key = new KeyService(database).resolve(DEMO_KEY_WITH_ORG).orElseThrow();
            assertThat(key.expires()).isEqualTo(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 678_000_000));
            assertThat(key.expired()).isTrue();
            assertThat(key.healthy()).isFalse();
        }
    }

    @Test
    void takesTheOrganizationFromTheTeamWhenTheKeyHasNone() {
        KeyResolution key = keys.resolve(DEMO_KEY_ORG_FROM_TEAM).orElseThrow();
        assertThat(key.orgId()).isEqualTo(ACME);
        assertThat(key.orgSource()).isEqualTo("team");
    }

    @Test
    void anUnknownKeyResolvesToNothingAndABadOneIsRejectedWithoutEchoingIt() {
        assertThat(keys.resolve("sk-not-a-demo-key")).isEmpty();
        assertThatThrownBy(() -> keys.resolve("secret-that-is-no-key")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sk-").hasMessageNotContaining("secret-that-is-no-key");
        assertThatThrownBy(() -> keys.resolve("abc123")).isInstanceOf(IllegalArgumentException.class);
    }
}
