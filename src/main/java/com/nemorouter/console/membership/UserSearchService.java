package com.nemorouter.console.membership;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.nemorouter.console.connection.Database;
import com.nemorouter.console.connection.Lowered;
import com.nemorouter.console.connection.SqlRows;
import com.nemorouter.console.presence.Ids;

/** Finds Supabase users for the membership dialogs' picker. */
public final class UserSearchService {

    public static final int LIMIT = 20;

    private final Database database;

    public UserSearchService(Database database) {
        this.database = database;
    }

    /**
     * Users whose email contains {@code text} (any case), whose id starts with it (hex, any case, hyphens
     * optional), or whose id it is; at most {@link #LIMIT}, by email. One read transaction on the calling
     * (background) thread; a blank text finds nothing.
     */
    public List<UserChoice> search(String text) {
        String query = text == null ? "" : text.strip();
        if (query.isEmpty()) {
            return List.of();
        }
        String exact = Ids.asUuid(query).map(UUID::toString).orElse(null);
        String hex = Ids.uuidPrefix(query);
        Ids.UuidRange ids = Ids.uuidRange(hex);
        String contains = "%" + query.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        return database.read(em -> SqlRows.select(em, """
                    select cast(a.id as text), a.email, a.raw_user_meta_data ->> 'full_name'
                    from {auth}.users a
                    where a.id = cast(:exact as uuid)
                       or %s like :contains escape '!'
                       or (:hex <> '' and a.id between :lowestId and :highestId)
                    order by lower(a.email), a.id
                    limit :limit""".formatted(Lowered.of("a.email")), UserChoice.class)
                .setParameter("exact", exact)
                .setParameter("contains", contains)
                .setParameter("hex", hex)
                .setParameter("lowestId", ids.lowest())
                .setParameter("highestId", ids.highest())
                .setParameter("limit", LIMIT)
                .getResultList());
    }
}
