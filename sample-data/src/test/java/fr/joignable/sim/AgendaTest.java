package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgendaTest {

    private static Arrival arrival(long at) {
        return new Arrival(Instant.ofEpochMilli(at), Channel.EMAIL, Intent.OTHER, 0, 2);
    }

    private static List<Long> drain(Agenda agenda) {
        List<Long> out = new ArrayList<>();
        while (!agenda.isEmpty()) {
            out.add(agenda.next().at());
        }
        return out;
    }

    @Test
    void happeningsComeInTimeOrderAndEqualTimesInTheOrderTheyWerePut() {
        Agenda agenda = new Agenda();
        agenda.startDay(1_000);
        Happening first = new Happening.Closes();
        Happening second = new Happening.Closes();
        agenda.at(30, new Happening.Closes());
        agenda.at(10, first);
        agenda.at(10, second);
        assertThat(agenda.next().what()).isSameAs(first);
        assertThat(agenda.next().what()).isSameAs(second);
        assertThat(agenda.next().at()).isEqualTo(30);
        assertThat(agenda.isEmpty()).isTrue();
    }

    @Test
    void aRepeatForALaterDayWaitsUntilThatDayStarts() {
        Agenda agenda = new Agenda();
        agenda.startDay(1_000);
        agenda.arrivalAt(arrival(999));
        agenda.arrivalAt(arrival(1_000));
        agenda.arrivalAt(arrival(2_500));
        // what is put with at() is played the same day, even past its end
        agenda.at(1_200, new Happening.Closes());
        assertThat(drain(agenda)).containsExactly(999L, 1_200L);
        agenda.startDay(2_000);
        assertThat(drain(agenda)).containsExactly(1_000L);
        agenda.startDay(3_000);
        assertThat(drain(agenda)).containsExactly(2_500L);
    }
}
