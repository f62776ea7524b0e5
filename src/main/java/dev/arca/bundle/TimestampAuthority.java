package dev.arca.bundle;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.util.Selector;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * An RFC 3161 time-stamping authority reached over HTTP, and the checks of its tokens.
 *
 * <p>A request carries the SHA-256 of the data, a random 64-bit nonce, and asks for the TSA's
 * certificate. A response is accepted only when it is granted, answers that request (nonce and
 * message imprint), is signed by the certificate it names (which must be for time-stamping), and
 * that certificate's chain leads to one of the roots given. The ASN.1 and CMS work is Bouncy
 * Castle's (bcpkix).
 */
public final class TimestampAuthority {

    private static final int MAX_RESPONSE = 64 << 10;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final URI url;
    private final Collection<X509Certificate> roots;
    private final Duration timeout;

    /**
     * @param url     the TSA's address (http or https)
     * @param roots   the certificates its chain must lead to, for example {@link #systemRoots()}
     * @param timeout how long the whole exchange may take
     */
    public TimestampAuthority(URI url, Collection<X509Certificate> roots, Duration timeout) {
        this.url = url;
        this.roots = List.copyOf(roots);
        this.timeout = timeout;
    }

    /** The root certificates the JVM trusts for TLS, which include the public TSAs' roots. */
    public static Collection<X509Certificate> systemRoots() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            List<X509Certificate> out = new ArrayList<>();
            for (var manager : factory.getTrustManagers()) {
                if (manager instanceof X509TrustManager x509) {
                    out.addAll(List.of(x509.getAcceptedIssuers()));
                }
            }
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JVM's trust store cannot be read", e);
        }
    }

    /**
     * The certificates in a PEM (or DER) file, to trust as roots besides {@link #systemRoots()}:
     * a private authority's CA, for example.
     */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> out = new ArrayList<>();
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                out.add((X509Certificate) certificate);
            }
            if (out.isEmpty()) {
                throw new IOException(file + " holds no certificate");
            }
            return out;
        } catch (java.security.cert.CertificateException e) {
            throw new IOException(file + " holds no readable certificate (" + e.getMessage() + ")", e);
        }
    }

    /** What a valid token says: when, by whom, and whether its chain leads to a trusted root. */
    record Stamp(Instant time, String authority, boolean trusted, String untrustedWhy) {
    }

    /**
     * Time-stamps {@code data} and returns the TSA's response (a DER TimeStampResp), checked as
     * the class description says; fails with a one-line message otherwise.
     */
    byte[] stamp(byte[] data) throws IOException {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(TSPAlgorithms.SHA256, Digests.sha256().digest(data),
                new BigInteger(64, RANDOM));
        HttpRequest post = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/timestamp-query")
                .header("Accept", "application/timestamp-reply")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build();
        HttpResponse<byte[]> reply;
        try {
            reply = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build()
                    .send(post, HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("time-stamping authority " + url + ": interrupted", e);
        }
        if (reply.statusCode() != 200) {
            throw new IOException("time-stamping authority " + url + " answered HTTP " + reply.statusCode());
        }
        if (reply.body().length > MAX_RESPONSE) {
            throw new IOException("time-stamping authority " + url + " sent " + reply.body().length + " bytes, more than a time-stamp");
        }
        try {
            TimeStampResponse response = new TimeStampResponse(reply.body());
            if (response.getTimeStampToken() == null) {
                throw new IOException("time-stamping authority " + url + " refused the request (status "
                        + response.getStatus() + (response.getStatusString() == null ? "" : ": " + response.getStatusString()) + ")");
            }
            response.validate(request);
            Stamp stamp = check(response, data, roots);
            if (!stamp.trusted()) {
                throw new IOException("time-stamping authority " + url + ": " + stamp.untrustedWhy());
            }
            return response.getEncoded();
        } catch (TSPException | IllegalArgumentException e) {
            throw new IOException("time-stamping authority " + url + " sent a bad time-stamp (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Checks a stored response (base64 DER) over {@code data}: a token that does not cover the
     * data or whose signature does not verify throws; a chain that leads to none of the roots
     * gives an untrusted stamp.
     */
    static Stamp check(String responseBase64, byte[] data, Collection<X509Certificate> roots) throws IOException {
        try {
            return check(new TimeStampResponse(Base64.getDecoder().decode(responseBase64)), data, roots);
        } catch (TSPException | IllegalArgumentException e) {
            throw new IOException("the time-stamp is not a valid RFC 3161 response (" + e.getMessage() + ")", e);
        }
    }

    private static Stamp check(TimeStampResponse response, byte[] data, Collection<X509Certificate> roots) throws IOException, TSPException {
        TimeStampToken token = response.getTimeStampToken();
        if (token == null) {
            throw new IOException("the time-stamp response holds no token");
        }
        if (!TSPAlgorithms.SHA256.equals(token.getTimeStampInfo().getMessageImprintAlgOID())
                || !java.security.MessageDigest.isEqual(token.getTimeStampInfo().getMessageImprintDigest(), Digests.sha256().digest(data))) {
            throw new IOException("the time-stamp is not of this signature");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> signers = token.getCertificates().getMatches((Selector<X509CertificateHolder>) token.getSID());
        if (signers.isEmpty()) {
            throw new IOException("the time-stamp does not include its authority's certificate");
        }
        X509CertificateHolder signer = signers.iterator().next();
        try {
            token.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
        } catch (TSPException e) {
            throw new IOException("the time-stamp's signature does not verify (" + e.getMessage() + ")", e);
        } catch (org.bouncycastle.operator.OperatorCreationException | java.security.cert.CertificateException e) {
            throw new IOException("the time-stamp's certificate cannot be read (" + e.getMessage() + ")", e);
        }
        Instant time = token.getTimeStampInfo().getGenTime().toInstant();
        String authority = X500Name.getInstance(signer.getSubject()).toString();
        String untrusted = untrusted(token, signer, roots, time);
        return new Stamp(time, authority, untrusted == null, untrusted);
    }

    /** Why the token's certificate chain does not lead to a root, or null when it does. */
    private static String untrusted(TimeStampToken token, X509CertificateHolder signer, Collection<X509Certificate> roots, Instant at) {
        if (roots.isEmpty()) {
            return "no trusted roots were given for the time-stamping authority";
        }
        try {
            JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
            List<X509Certificate> chain = new ArrayList<>();
            chain.add(converter.getCertificate(signer));
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = token.getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                if (!holder.equals(signer) && !holder.getSubject().equals(holder.getIssuer())) {
                    chain.add(converter.getCertificate(holder));
                }
            }
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.forEach(root -> anchors.add(new TrustAnchor(root, null)));
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            CertPathValidator.getInstance("PKIX").validate(path, parameters);
            return null;
        } catch (GeneralSecurityException e) {
            return "its certificate " + signer.getSubject() + " does not lead to a trusted root (" + e.getMessage() + ")";
        }
    }

    /** The certificates in a response's token, as the PEM chain WACZ's {@code timestampCert} holds. */
    static String certificates(byte[] response) throws IOException {
        try {
            StringBuilder pem = new StringBuilder();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> all = new TimeStampResponse(response).getTimeStampToken().getCertificates().getMatches(null);
            for (X509CertificateHolder holder : all) {
                pem.append("-----BEGIN CERTIFICATE-----\n")
                        .append(Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(holder.getEncoded()))
                        .append("\n-----END CERTIFICATE-----\n");
            }
            return pem.toString();
        } catch (TSPException e) {
            throw new IOException("the time-stamp response cannot be read (" + e.getMessage() + ")", e);
        }
    }
}
