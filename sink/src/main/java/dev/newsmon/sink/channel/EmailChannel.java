package dev.newsmon.sink.channel;

import dev.newsmon.sink.delivery.Outcome;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;

/**
 * Email by SMTP (Angus Mail), {@code to} being comma-separated addresses: a plain-text and an HTML part, and a
 * Message-ID made from the message id, so the same digest or alert always has the same Message-ID and a mail
 * client shows a repeat as one message. The only class that touches Jakarta Mail.
 */
public final class EmailChannel implements Channel {
    public static final ChannelType TYPE = new ChannelType("email", EmailChannel::problem, EmailChannel::new);

    private final String to;
    private final ChannelContext context;

    EmailChannel(String to, ChannelContext context) {
        this.to = to;
        this.context = context;
    }

    private static Optional<String> problem(String to) {
        try {
            return InternetAddress.parse(to, true).length == 0 ? Optional.of("names no address") : Optional.empty();
        } catch (AddressException e) {
            return Optional.of("is not a list of email addresses: " + e.getMessage());
        }
    }

    /** The Message-ID of a channel message: its id made safe for the header, at newsmon. */
    static String messageId(ChannelMessage m) {
        return "<" + m.id().replaceAll("[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]", ".") + "@newsmon>";
    }

    @Override
    public Outcome send(ChannelMessage m) {
        ChannelContext.Smtp smtp = context.smtp();
        if (smtp.host().isEmpty()) {
            return Outcome.refused("no SMTP server: set channels.smtp.host");
        }
        Properties props = new Properties();
        props.put("mail.smtp.host", smtp.host());
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.connectiontimeout", Long.toString(context.timeout().toMillis()));
        props.put("mail.smtp.timeout", Long.toString(context.timeout().toMillis()));
        props.put("mail.smtp.writetimeout", Long.toString(context.timeout().toMillis()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        props.put("mail.smtp.auth", Boolean.toString(!smtp.user().isEmpty()));
        String id = messageId(m);
        try {
            MimeMessage mail = new MimeMessage(Session.getInstance(props)) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", id);
                }
            };
            mail.setFrom(new InternetAddress(smtp.from(), true));
            mail.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            mail.setSubject(MessageText.subject(m), StandardCharsets.UTF_8.name());
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(MessageText.plain(m), StandardCharsets.UTF_8.name());
            MimeBodyPart html = new MimeBodyPart();
            html.setText(MessageText.html(m), StandardCharsets.UTF_8.name(), "html");
            mail.setContent(new MimeMultipart("alternative", plain, html));
            if (smtp.user().isEmpty()) {
                Transport.send(mail);
            } else {
                Transport.send(mail, smtp.user(), smtp.password());
            }
            return Outcome.delivered();
        } catch (SendFailedException e) {
            // Addresses the server refused will be refused again; anything else may pass later.
            return e.getValidSentAddresses() == null && e.getInvalidAddresses() != null
                    && e.getInvalidAddresses().length > 0
                    ? Outcome.refused(e.toString()) : Outcome.retry(e.toString());
        } catch (MessagingException e) {
            return Outcome.retry(e.toString());
        }
    }
}
