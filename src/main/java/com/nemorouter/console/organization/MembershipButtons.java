package com.nemorouter.console.organization;

import com.nemorouter.console.membership.MembershipDialog;
import com.nemorouter.console.membership.MembershipDialogViewModel;
import com.nemorouter.console.ui.Dialogs;

import javafx.beans.binding.Bindings;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;

/** The membership edit buttons of the Teams and Members tabs: when they are enabled, and the dialog they open. */
final class MembershipButtons {

    private final StringProperty disabledReason;
    private final Dialogs dialogs;

    /** @param disabledReason why edits are off ("" when they are on): read-only console */
    MembershipButtons(StringProperty disabledReason, Dialogs dialogs) {
        this.disabledReason = disabledReason;
        this.dialogs = dialogs;
    }

    /**
     * Disables an edit button while the console is read-only (with the reason as tooltip) or while
     * {@code missingSelection} holds (with {@code hint}).
     */
    void bind(Button button, ObservableBooleanValue missingSelection, String hint) {
        button.disableProperty().bind(disabledReason.isNotEmpty().or(Bindings.createBooleanBinding(missingSelection::get,
                missingSelection)));
        Tooltip tooltip = new Tooltip();
        tooltip.textProperty().bind(disabledReason.map(why -> why.isEmpty() ? hint : why));
        button.setTooltip(tooltip);
        // JavaFX shows no tooltip over a disabled control: the toolbar around it carries the reason too.
        Tooltip toolbarTooltip = new Tooltip();
        toolbarTooltip.textProperty().bind(disabledReason);
        disabledReason.subscribe(why -> {
            if (why.isEmpty()) {
                Tooltip.uninstall(button.getParent(), toolbarTooltip);
            } else {
                Tooltip.install(button.getParent(), toolbarTooltip);
            }
        });
    }

    /** Opens the membership dialog over the window of {@code button}. */
    void open(Button button, MembershipDialogViewModel dialog) {
        new MembershipDialog(dialog, dialogs).show(button.getScene().getWindow());
    }
}
