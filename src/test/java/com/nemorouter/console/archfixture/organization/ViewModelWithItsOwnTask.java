package com.nemorouter.console.archfixture.organization;

import javafx.concurrent.Task;

/** Runs its own JavaFX Task instead of going through the task runner. */
public class ViewModelWithItsOwnTask {
    Task<String> loading;
}
