package com.nemorouter.console.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdTextTest {

    private static final String BLUE_HARBOR = "0b5e55ed-0000-4000-8000-0000000000b1";
    private static final String CEDAR_POINT = "0b5e55ed-0000-4000-8000-0000000000c1";

    @Test
    void anIdThatFitsIsShownWhole() {
        assertThat(IdText.elide(BLUE_HARBOR, 36)).isEqualTo(BLUE_HARBOR);
        assertThat(IdText.elide(BLUE_HARBOR, 80)).isEqualTo(BLUE_HARBOR);
    }

    @Test
    void aNarrowCellKeepsTheFirstAndLastGroupAroundOneEllipsis() {
        assertThat(IdText.elide(BLUE_HARBOR, 21)).isEqualTo("0b5e55ed…0000000000b1");
        assertThat(IdText.elide(BLUE_HARBOR, 30)).isEqualTo("0b5e55ed-0000-400…0000000000b1").hasSize(30);
    }

    @Test
    void idsThatDifferOnlyAtTheEndStayDifferentAtEveryWidth() {
        for (int width = 5; width <= 36; width++) {
            String blue = IdText.elide(BLUE_HARBOR, width);
            String cedar = IdText.elide(CEDAR_POINT, width);
            assertThat(blue).as("width %d", width).isNotEqualTo(cedar).hasSizeLessThanOrEqualTo(width);
            assertThat(blue.length() == 36 || blue.contains(IdText.ELLIPSIS)).as("width %d", width).isTrue();
        }
    }

    @Test
    void textAroundAnIdKeepsItsWordsAndElidesTheId() {
        String text = "✘ other: " + BLUE_HARBOR;
        assertThat(IdText.elideWithin(text, 80)).isEqualTo(text);
        assertThat(IdText.elideWithin(text, 30)).isEqualTo("✘ other: 0b5e55ed…0000000000b1");
        assertThat(IdText.elideWithin("this org", 3)).isEqualTo("this org");
        assertThat(IdText.elide(null, 10)).isEmpty();
    }
}
