package com.nemorouter.console.organization;

import com.nemorouter.console.presence.MarkStyle;
import com.nemorouter.console.presence.Marked;
import com.nemorouter.console.ui.Copying;
import com.nemorouter.console.ui.Icons;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

/** The organization screen's header: name and presence, the UUID to copy, both names side by side, slug, plan. */
public final class OrganizationHeaderView {

    private final OrganizationDetailViewModel viewModel;

    @FXML
    private Label titleLabel;
    @FXML
    private Label auditBadge;
    @FXML
    private TextField idField;
    @FXML
    private Label nemoNameLabel;
    @FXML
    private Label liteLlmAliasLabel;
    @FXML
    private Label slugLabel;
    @FXML
    private Label planLabel;

    public OrganizationHeaderView(OrganizationDetailViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        viewModel.detailProperty().addListener((observable, old, detail) -> show(detail));
        show(viewModel.detailProperty().get());
    }

    private void show(OrganizationDetail detail) {
        if (detail == null) {
            titleLabel.setText("Select an organization");
            idField.setText("");
            show(nemoNameLabel, null);
            show(liteLlmAliasLabel, null);
            slugLabel.setText("");
            planLabel.setText("");
            showAuditBadge("");
            return;
        }
        titleLabel.setText(detail.displayName() + "   " + detail.corePresence().badge());
        idField.setText(detail.id());
        show(nemoNameLabel, OrganizationMarks.nemoName(detail));
        show(liteLlmAliasLabel, OrganizationMarks.liteLlmAlias(detail));
        slugLabel.setText("Slug: " + OrganizationRow.orDash(detail.slug()));
        planLabel.setText("Plan: " + OrganizationRow.orDash(detail.plan()));
    }

    private static void show(Label label, Marked value) {
        label.setText(value == null ? "" : value.text());
        MarkStyle.apply(label, value == null ? null : value.mark());
    }

    /** The integrity audit's badge for what is shown (empty hides it). */
    public void showAuditBadge(String text) {
        Icons.showBadge(auditBadge, text);
    }

    @FXML
    private void copyId() {
        Copying.copy(idField, "organization UUID", idField.getText());
    }
}
