package dev.arca.fetch;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP/1.1 exchange over a socket of its own, recorded as it crossed the wire: the request
 * bytes arca wrote, and the response head byte for byte as the server sent it (status line,
 * header names in their case and order, duplicates).
 *
 * <p>The JDK's HTTP client cannot do this: it reports HTTP/1.0 as HTTP/1.1, lower-cases and sorts
 * the names, and builds the request itself. The price is HTTP/2, which this client does not speak.
 * One connection per exchange, closed after it; a deadline closes the socket wherever the exchange
 * is, so a server that drips bytes cannot hold it past the timeout. Thread-safe.
 */
final class WireClient {

    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final FetchOptions options;
    private final SSLSocketFactory tls;

    WireClient(FetchOptions options) {
        this.options = options;
        this.tls = (options.insecure() ? trustingEverything() : defaultContext()).getSocketFactory();
    }

    /**
     * Sends a GET for {@code uri} to {@code address} and reads the whole response, all before
     * {@code deadline}; a body above {@code maxSize} bytes fails the exchange.
     */
    Exchange exchange(URI uri, InetAddress address, List<Header> requestHeaders, Instant deadline, long maxSize)
            throws FetchException {
        byte[] request = Exchange.requestHead(uri, requestHeaders);
        Instant date = Instant.now();
        Socket socket = new Socket();
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> alarm = DEADLINES.schedule(() -> {
            expired.set(true);
            closeQuietly(socket);
        }, Math.max(1, Duration.between(Instant.now(), deadline).toNanos()), TimeUnit.NANOSECONDS);
        try {
            Socket connected = connect(socket, uri, address, deadline);
            OutputStream out = connected.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = new BufferedInputStream(connected.getInputStream(), 1 << 16);
            ResponseHead head = ResponseHead.read(in);
            while (head.status() >= 100 && head.status() < 200 && head.status() != 101) {
                head = ResponseHead.read(in); // an interim response; the final one follows
            }
            byte[] body = new MessageBody(maxSize).read(head, in);
            return new Exchange(uri, date, address, head.protocol(), requestHeaders, head.status(), head.headers(), body,
                    request, head.bytes());
        } catch (FetchException e) {
            throw e;
        } catch (IOException e) {
            throw expired.get() ? timedOut(options) : translate(e, uri);
        } finally {
            alarm.cancel(false);
            closeQuietly(socket);
        }
    }

    private Socket connect(Socket socket, URI uri, InetAddress address, Instant deadline) throws IOException {
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        try {
            socket.connect(new InetSocketAddress(address, port), (int) Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
        } catch (SocketTimeoutException e) {
            throw new ConnectTimeout(e);
        }
        socket.setTcpNoDelay(true);
        if (!"https".equals(uri.getScheme())) {
            return socket;
        }
        String host = uri.getHost();
        SSLSocket secure = (SSLSocket) tls.createSocket(socket, host, port, true);
        SSLParameters parameters = secure.getSSLParameters();
        if (!options.insecure()) {
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
        }
        if (!isAddressLiteral(host)) {
            try {
                parameters.setServerNames(List.of(new SNIHostName(host)));
            } catch (IllegalArgumentException e) {
                // a name SNI cannot carry (an underscore, say): the handshake goes without it, as browsers do
            }
        }
        secure.setSSLParameters(parameters);
        secure.startHandshake();
        return secure;
    }

    /** A connect that did not complete in time, told apart from a read that did not. */
    private static final class ConnectTimeout extends IOException {
        ConnectTimeout(Throwable cause) {
            super(cause);
        }
    }

    static FetchException timedOut(FetchOptions options) {
        return new FetchException(FetchException.Reason.TIMEOUT,
                "timed out after " + seconds(options.timeout()) + " s", FetchException.Setting.TIMEOUT, null);
    }

    /** "2" for two seconds, "1.5" for one and a half. */
    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis(), 3).stripTrailingZeros().toPlainString();
    }

    private FetchException translate(IOException e, URI uri) {
        String authority = uri.getRawAuthority();
        if (e instanceof ConnectTimeout) {
            return new FetchException(FetchException.Reason.TIMEOUT, "connect to " + authority + " timed out", e);
        }
        if (e instanceof SocketTimeoutException) {
            return timedOut(options);
        }
        if (e instanceof ConnectException) {
            return new FetchException(FetchException.Reason.CONNECT, "cannot connect to " + authority + ": connection refused", e);
        }
        if (e instanceof SSLException) {
            return tlsFailure(e, uri);
        }
        if (e instanceof ResponseHead.NotHttp) {
            return new FetchException(FetchException.Reason.PROTOCOL,
                    "exchange with " + authority + " failed: the server did not answer in HTTP", e);
        }
        if (e instanceof EOFException || e instanceof java.net.SocketException) {
            return new FetchException(FetchException.Reason.PROTOCOL,
                    "connection to " + authority + " closed before the response was complete", e);
        }
        return new FetchException(FetchException.Reason.PROTOCOL, "exchange with " + authority + " failed: " + rootMessage(e), e);
    }

    /** A TLS failure in words a user can act on; the JDK's own are class names and jargon. */
    private static FetchException tlsFailure(Throwable t, URI uri) {
        String prefix = "TLS handshake with " + uri.getRawAuthority() + " failed: ";
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof CertificateException) {
                String why = c.getMessage() != null && c.getMessage().startsWith("No subject alternative")
                        ? "the certificate is not for " + uri.getHost() : "the certificate is not trusted";
                return new FetchException(FetchException.Reason.TLS, prefix + why, FetchException.Setting.CERTIFICATES, t);
            }
        }
        String root = rootMessage(t);
        String why = root.contains("Unsupported or unrecognized SSL message") || root.contains("plaintext")
                ? "the server did not answer in TLS" : root;
        return new FetchException(FetchException.Reason.TLS, prefix + why, t);
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }

    /** An IP address rather than a name: it gets no SNI, which names only hosts. */
    private static boolean isAddressLiteral(String host) {
        return host.startsWith("[") || host.chars().allMatch(c -> c == '.' || Character.isDigit(c));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "arca-fetch-deadline");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    private static SSLContext defaultContext() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }

    private static SSLContext trustingEverything() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // --insecure: every certificate is accepted
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // --insecure: every certificate is accepted
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[]{trustAll}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
    }
}
