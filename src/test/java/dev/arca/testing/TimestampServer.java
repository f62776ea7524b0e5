package dev.arca.testing;

import com.sun.net.httpserver.HttpServer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real RFC 3161 time-stamping authority on 127.0.0.1, for tests: a self-made CA certifies a TSA
 * key, and every POST of a TimeStampReq is answered with a token signed by Bouncy Castle's
 * {@link TimeStampTokenGenerator}. Paths other than {@code /} misbehave on purpose:
 * {@code /wrong-nonce} answers another request's nonce, {@code /wrong-imprint} stamps other data,
 * {@code /rejected} refuses.
 */
public final class TimestampServer implements AutoCloseable {

    private final HttpServer server;
    private final X509Certificate ca;
    private final TimeStampTokenGenerator tokens;
    private final AtomicLong serial = new AtomicLong(1);

    public TimestampServer() throws Exception {
        KeyPair caKey = ecKey();
        KeyPair tsaKey = ecKey();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=arca test root CA");
        X509CertificateHolder caCert = new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)), caName, caKey.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()));
        X509CertificateHolder tsaCert = new JcaX509v3CertificateBuilder(caName, BigInteger.TWO, Date.from(now.minus(1, ChronoUnit.DAYS)),
                Date.from(now.plus(30, ChronoUnit.DAYS)), new X500Name("CN=arca test TSA"), tsaKey.getPublic())
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKey.getPrivate()));
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        ca = converter.getCertificate(caCert);
        X509Certificate tsa = converter.getCertificate(tsaCert);
        tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder().build("SHA256withECDSA", tsaKey.getPrivate(), tsa),
                new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new ASN1ObjectIdentifier("1.3.6.1.4.1.55555.1"));
        tokens.addCertificates(new JcaCertStore(List.of(tsa, ca)));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] reply;
            try {
                TimeStampRequest request = new TimeStampRequest(exchange.getRequestBody().readAllBytes());
                String path = exchange.getRequestURI().getPath();
                if (path.equals("/wrong-nonce") || path.equals("/wrong-imprint")) {
                    TimeStampRequestGenerator other = new TimeStampRequestGenerator();
                    other.setCertReq(true);
                    byte[] imprint = path.equals("/wrong-imprint") ? new byte[32] : request.getMessageImprintDigest();
                    BigInteger nonce = path.equals("/wrong-nonce") ? request.getNonce().add(BigInteger.ONE) : request.getNonce();
                    request = other.generate(TSPAlgorithms.SHA256, imprint, nonce);
                }
                TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
                reply = path.equals("/rejected")
                        ? responses.generateRejectedResponse(new org.bouncycastle.tsp.TSPException("no stamps today")).getEncoded()
                        : responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()), new Date()).getEncoded();
            } catch (Exception e) {
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/timestamp-reply");
            exchange.sendResponseHeaders(200, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    /** The TSA's address; {@code path} "/" for a well-behaved one. */
    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    /** The self-made root that certifies the TSA. */
    public X509Certificate root() {
        return ca;
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
