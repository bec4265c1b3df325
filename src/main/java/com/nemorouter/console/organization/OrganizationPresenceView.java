package com.nemorouter.console.organization;

import com.nemorouter.console.presence.Mark;
import com.nemorouter.console.presence.Marked;
import com.nemorouter.console.presence.PresenceFlowView;

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
        viewModel.detailProperty().addListener((observable, old, detail) -> show(detail));
        show(viewModel.detailProperty().get());
    }

    private void show(OrganizationDetail detail) {
        if (detail == null) {
            presenceFlow.clear();
            return;
        }
        Marked backend = OrganizationDetailViewModel.backend(detail);
        presenceFlow.show(detail.presence(), backend.text(), backend.mark() == Mark.OK);
    }
}
