package com.nemorouter.console.testing;

/** Fixed ids of the demo seed (schema.sql / seed.sql) that tests assert against. */
public final class Seed {

    public static final String ACME = "550e8400-e29b-41d4-a716-446655440000";
    public static final String ACME_PLATFORM_TEAM = "7ea70000-0000-4000-8000-00000000a001";
    public static final String GHOSTWIRE_NEMO_ONLY = "0b5e55ed-0000-4000-8000-000000000001";
    public static final String LEGACY_LITELLM_ONLY = "0b5e55ed-0000-4000-8000-000000000002";
    public static final String BLUE_HARBOR = "0b5e55ed-0000-4000-8000-0000000000b1";
    public static final String CEDAR_POINT = "0b5e55ed-0000-4000-8000-0000000000c1";
    public static final String GHOSTWIRE_CORE_TEAM = "7ea70000-0000-4000-8000-00000000d001";
    public static final String LEGACY_TEAM = "7ea70000-0000-4000-8000-00000000d002";
    public static final String DATA_SCIENCE_TEAM_ORG_MISMATCH = "7ea70000-0000-4000-8000-00000000d003";
    public static final String FLEET_OPS_TEAM = "7ea70000-0000-4000-8000-00000000b002";
    public static final String SANDBOX_TEAM_EMPTY_OBJECT = "7ea70000-0000-4000-8000-00000000d007";
    public static final String ROGUE_MEMBER_NOT_IN_ORG = "5e550000-0000-4000-8000-00000000d004";
    public static final String DANA_TEAMS_ARRAY_DRIFT = "5e550000-0000-4000-8000-00000000d005";
    public static final String UMA_AUTH_ID = "5e550000-0000-4000-8000-00000000d006";
    public static final String UMA_UPPERCASE_LITELLM_ID = "5E550000-0000-4000-8000-00000000D006";

    /** Raw demo keys: the token is the SHA-256 hex of the text (see seed.sql). */
    public static final String DEMO_KEY_WITH_ORG = "sk-demo-1";
    public static final String DEMO_KEY_ORG_FROM_TEAM = "sk-demo-2";

    public static final int ORGANIZATIONS = 32;
    public static final int TEAMS = 93;
    public static final int USERS = 371;
    public static final int ACME_TEAMS = 4;
    public static final int ACME_MEMBERS = 16;

    private Seed() {
    }
}
