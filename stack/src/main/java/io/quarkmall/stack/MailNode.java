package io.quarkmall.stack;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * The mall's mail server: GreenMail's SMTP server, which the services send their email through,
 * and its IMAP server, where every recipient's mailbox can be read (login and password: the
 * address). Mail is kept in memory: a restart empties the mailboxes.
 */
final class MailNode implements Server {

    private GreenMail mail;

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public int port() {
        return Ports.SMTP;
    }

    @Override
    public void start() {
        mail = new GreenMail(new ServerSetup[] {
            new ServerSetup(Ports.SMTP, Readiness.HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(Ports.IMAP, Readiness.HOST, ServerSetup.PROTOCOL_IMAP)});
        mail.start();
    }

    /** Asks the server itself: its SMTP greeting names it. */
    @Override
    public String version() throws Exception {
        try (var socket = new Socket(Readiness.HOST, Ports.SMTP)) {
            socket.setSoTimeout(5_000);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return "SMTP :" + Ports.SMTP + " + IMAP :" + Ports.IMAP + " (" + greeting + ")";
        }
    }

    @Override
    public void close() {
        if (mail != null) {
            mail.stop();
        }
    }
}
