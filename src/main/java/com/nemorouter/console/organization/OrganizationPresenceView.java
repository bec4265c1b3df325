package com.nemorouter.console.organization;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.Marked;
import com.nemorouter.console.presence.PresenceFlowView;
import com.nemorouter.console.presence.PresenceReport;

import javafx.fxml.FXML;
import javafx.scene.layout.VBox;

/** The Presence tab: where the organization's one UUID flows, table by table, on both sides. */
public final class OrganizationPresenceView {

    private final OrganizationDetailViewModel viewModel;
    private final PresenceFlowView presenceFlow = new PresenceFlowView();

    @FXML
    private VBox presenceBox;

    public OrganizationPresenceView(OrganizationDetailViewModel viewModel) {
        this.viewModel = viewModel;
    }

    @FXML
    private void initialize() {
        presenceBox.getChildren().add(presenceFlow.node());
        viewModel.presenceProperty().addListener((observable, old, report) -> show());
        viewModel.presenceNoteProperty().addListener((observable, old, note) -> show());
        show();
    }

    private void show() {
        OrganizationDetail detail = viewModel.detailProperty().get();
        PresenceReport report = viewModel.presenceProperty().get();
        if (detail == null || report == null) {
            presenceFlow.clear();
            return;
        }
        Marked backend = OrganizationMarks.backend(detail);
        presenceFlow.show(report, viewModel.presenceNoteProperty().get(), backend.text(), backend.mark() == Mark.OK);
    }
}
