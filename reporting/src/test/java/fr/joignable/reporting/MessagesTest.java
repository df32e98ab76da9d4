package fr.joignable.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The report's labels name two different counts apart: contacts answered (taken by an agent in the
 * month) and contacts handled (their {@code CONTACT_ENDED} in the month, what the budget divides
 * by). The September demo showed 21,127 and 21,145 side by side, both called "Contacts traités".
 */
class MessagesTest {

    @Test
    void answeredAndHandledContactsHaveDifferentNamesInEveryLanguage() {
        for (Messages.Lang lang : Messages.Lang.values()) {
            Messages m = new Messages(lang);
            assertThat(m.get("col.handled")).as(lang.name()).isNotEqualTo(m.get("kpi.answered"));
            assertThat(m.get("col.handled")).as(lang.name()).isNotEqualTo(m.get("col.answered"));
        }
        Messages fr = new Messages(Messages.Lang.FR);
        assertThat(fr.get("col.handled")).isEqualTo("Contacts terminés");
        assertThat(fr.get("kpi.cost_per_contact"))
                .isEqualTo("Coût par contact terminé")
                .doesNotContain("traité");
        assertThat(fr.get("method.budget")).doesNotContain("contacts traités");
        // page 1's cost sentence divides by the same count as the budget's tile
        assertThat(fr.get("cost.line"))
                .contains("par contact terminé")
                .contains("contacts terminés par heure payée")
                .doesNotContain("traité");
        // the budget's note and the method say what the budget divides by, in the same words
        assertThat(fr.get("note.budget")).contains("Contacts terminés");
        assertThat(fr.get("method.aht")).contains("contacts terminés");
    }
}
