package dev.outboxkit.notificationservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import io.vertx.ext.mail.SMTPException;

/** Which failed sends leave the customer possibly holding the email, so that a resend is counted as unconfirmed. */
class MayHaveArrivedTest {

    @Test
    void aRefusedConnectionOrAnSmtpErrorReplyMeansTheServerNeverTookIt() {
        assertThat(DeliveryDispatcher.mayHaveArrived(new RuntimeException(new ConnectException("Connection refused")))).isFalse();
        assertThat(DeliveryDispatcher.mayHaveArrived(
                new RuntimeException(new SMTPException("451 try later", 451, List.of("try later"), false)))).isFalse();
    }

    @Test
    void aConnectionCutOffMidConversationMayHaveComeAfterTheServerAcceptedIt() {
        assertThat(DeliveryDispatcher.mayHaveArrived(new RuntimeException(new SocketException("Connection reset")))).isTrue();
        assertThat(DeliveryDispatcher.mayHaveArrived(new RuntimeException(new TimeoutException()))).isTrue();
    }
}
