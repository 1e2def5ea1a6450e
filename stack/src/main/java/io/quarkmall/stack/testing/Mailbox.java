package io.quarkmall.stack.testing;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.SubjectTerm;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What arrived at the local stack's mail server for one address, read over IMAP as a mail program
 * would (GreenMail: login and password are the address). A test adds jakarta.mail (angus-mail) to its
 * own classpath to use it.
 */
public final class Mailbox {

    private static final String HOST = "127.0.0.1";
    private static final int IMAP = 13143;

    /** One email as its reader sees it. */
    public record Letter(String subject, String text, Optional<String> listUnsubscribe, Optional<String> language) {}

    private Mailbox() {
    }

    /**
     * The emails in the address's inbox whose subject contains {@code subjectPart} (ASCII), oldest first,
     * found by the server's own search, so a full inbox costs no more; none if nothing arrived for it yet.
     */
    public static List<Letter> about(String address, String subjectPart) {
        var properties = new Properties();
        properties.put("mail.imap.connectiontimeout", "5000");
        properties.put("mail.imap.timeout", "10000");
        try (Store store = Session.getInstance(properties).getStore("imap")) {
            store.connect(HOST, IMAP, address, address);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                var letters = new ArrayList<Letter>();
                for (Message message : inbox.search(new SubjectTerm(subjectPart))) {
                    letters.add(new Letter(message.getSubject(), text(message.getContent()),
                            header(message, "List-Unsubscribe"), header(message, "Content-Language")));
                }
                return letters;
            } finally {
                inbox.close(false);
            }
        } catch (jakarta.mail.AuthenticationFailedException noMailYet) {
            return List.of(); // GreenMail makes the account with the first email to it
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("The mailbox of " + address + " could not be read over IMAP on :" + IMAP, e);
        }
    }

    private static Optional<String> header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null || values.length == 0 ? Optional.empty() : Optional.of(values[0]);
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            var text = new StringBuilder();
            for (int i = 0; i < parts.getCount(); i++) {
                text.append(text(parts.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
