package com.nemorouter.console.membership;

import java.util.List;

/**
 * A user of an edit as resolved from the input: the text given, the id LiteLLM rows use, and the Supabase
 * email (null when the id is a legacy one without a Supabase user).
 */
record EditUser(String input, String id, String email) {

    static List<String> ids(List<EditUser> users) {
        return users.stream().map(EditUser::id).toList();
    }
}
