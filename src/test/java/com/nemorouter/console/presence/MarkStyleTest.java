package com.nemorouter.console.presence;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.css.PseudoClass;
import javafx.scene.layout.Region;

import org.junit.jupiter.api.Test;

class MarkStyleTest {

    @Test
    void aNodeCarriesExactlyTheMarkItShowsAndNoneWhenEmpty() {
        Region node = new Region();
        MarkStyle.apply(node, Mark.DRIFT);
        assertThat(node.getStyleClass()).containsExactly(MarkStyle.STYLE_CLASS);
        assertThat(node.getPseudoClassStates()).containsExactly(PseudoClass.getPseudoClass("drift"));

        MarkStyle.apply(node, Mark.MISSING);
        assertThat(node.getStyleClass()).containsExactly(MarkStyle.STYLE_CLASS);
        assertThat(node.getPseudoClassStates()).containsExactly(PseudoClass.getPseudoClass("missing"));

        MarkStyle.apply(node, Mark.OK);
        assertThat(node.getPseudoClassStates()).containsExactly(PseudoClass.getPseudoClass("ok"));

        MarkStyle.apply(node, null);
        assertThat(node.getPseudoClassStates()).isEmpty();
    }

    @Test
    void everyMarkHasItsOwnPseudoClassNamedAfterIt() {
        assertThat(MarkStyle.pseudoClass(Mark.PARTIAL).getPseudoClassName()).isEqualTo("partial");
        assertThat(MarkStyle.pseudoClass(Mark.DRIFT).getPseudoClassName()).isEqualTo("drift");
        assertThat(MarkStyle.pseudoClass(Mark.MISSING).getPseudoClassName()).isEqualTo("missing");
        assertThat(MarkStyle.pseudoClass(Mark.OK).getPseudoClassName()).isEqualTo("ok");
    }
}
