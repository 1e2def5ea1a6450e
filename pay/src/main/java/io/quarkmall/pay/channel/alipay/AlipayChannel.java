package io.quarkmall.pay.channel.alipay;

import com.alipay.api.AlipayApiException;
import com.alipay.api.AlipayRequest;
import com.alipay.api.AlipayResponse;
import com.alipay.api.DefaultAlipayClient;
import com.alipay.api.domain.AlipayDataDataserviceBillDownloadurlQueryModel;
import com.alipay.api.domain.AlipayTradeCloseModel;
import com.alipay.api.domain.AlipayTradeFastpayRefundQueryModel;
import com.alipay.api.domain.AlipayTradePrecreateModel;
import com.alipay.api.domain.AlipayTradeQueryModel;
import com.alipay.api.domain.AlipayTradeRefundModel;
import com.alipay.api.domain.AlipayTradeWapPayModel;
import com.alipay.api.request.AlipayDataDataserviceBillDownloadurlQueryRequest;
import com.alipay.api.request.AlipayTradeCloseRequest;
import com.alipay.api.request.AlipayTradeFastpayRefundQueryRequest;
import com.alipay.api.request.AlipayTradePrecreateRequest;
import com.alipay.api.request.AlipayTradeQueryRequest;
import com.alipay.api.request.AlipayTradeRefundRequest;
import com.alipay.api.request.AlipayTradeWapPayRequest;
import com.alipay.api.response.AlipayTradeFastpayRefundQueryResponse;
import com.alipay.api.response.AlipayTradePrecreateResponse;
import com.alipay.api.response.AlipayTradeQueryResponse;
import com.alipay.api.response.AlipayTradeRefundResponse;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.PaymentChannel;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Security;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Alipay through its official SDK: a QR code on desktop ({@code alipay.trade.precreate}), the phone cashier
 * by redirect ({@code alipay.trade.wap.pay}), query, close, refunds (partial, by out_request_no) and the daily
 * statement; every answer's signature is checked by the SDK, every notification's by rsaCheckV1.
 *
 * <p>Alipay knows no declined trade: a shopper who declines leaves the trade unpaid until it is closed
 * (TRADE_CLOSED), so this channel reports {@link ChannelState.Closed} where a card would report Failed. A
 * trade closed after a full refund was still paid: it stays {@link ChannelState.Paid}. Answers that are
 * transient errors (code 20000, ACQ.SYSTEM_ERROR), no answer, an HTTP error, or an answer whose signature
 * does not verify throw {@link ChannelUnavailable}.
 */
@ApplicationScoped
public class AlipayChannel implements PaymentChannel {

    static final String NAME = "alipay";
    private static final Set<String> TRANSIENT = Set.of("ACQ.SYSTEM_ERROR", "aop.ACQ.SYSTEM_ERROR", "isp.unknow-error");
    private static final Set<String> PAID = Set.of("TRADE_SUCCESS", "TRADE_FINISHED");

    private final AlipayConfig config;
    private final HttpClient http;
    private volatile Connection connection;

    /** The SDK's client for one merchant. */
    private record Connection(AlipayMerchant merchant, DefaultAlipayClient client) {}

    AlipayChannel(AlipayConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Started start(ChargeRequest request) {
        Yuan.requireCny(request.amount());
        return switch (request.presentation()) {
            case QR_CODE -> precreate(request);
            case REDIRECT -> new Started.Redirect(wapPayUrl(request));
            case TOKEN -> throw new IllegalArgumentException("Alipay takes no card tokens");
        };
    }

    private Started precreate(ChargeRequest charge) {
        var model = new AlipayTradePrecreateModel();
        model.setOutTradeNo(charge.reference());
        model.setTotalAmount(Yuan.of(charge.amount()));
        model.setSubject(charge.subject());
        model.setTimeoutExpress(config.payWithin().toMinutes() + "m");
        var request = new AlipayTradePrecreateRequest();
        request.setBizModel(model);
        config.notifyUrl().ifPresent(request::setNotifyUrl);
        AlipayTradePrecreateResponse answer = call(request);
        if (answer.isSuccess()) {
            return new Started.QrCode(answer.getQrCode());
        }
        return new Started.Settled(switch (String.valueOf(answer.getSubCode())) {
            case "ACQ.TRADE_HAS_SUCCESS" -> query(charge.reference());
            case "ACQ.TRADE_HAS_CLOSE" -> new ChannelState.Closed(charge.reference());
            default -> new ChannelState.Failed(charge.reference(), answer.getSubCode());
        });
    }

    /** The signed URL of the gateway's phone cashier (built locally by the SDK: no call is made). */
    private String wapPayUrl(ChargeRequest charge) {
        var model = new AlipayTradeWapPayModel();
        model.setOutTradeNo(charge.reference());
        model.setTotalAmount(Yuan.of(charge.amount()));
        model.setSubject(charge.subject());
        model.setProductCode("QUICK_WAP_WAY");
        model.setTimeoutExpress(config.payWithin().toMinutes() + "m");
        var request = new AlipayTradeWapPayRequest();
        request.setBizModel(model);
        config.notifyUrl().ifPresent(request::setNotifyUrl);
        if (charge.returnUrl() != null) {
            request.setReturnUrl(charge.returnUrl());
        }
        try {
            return connection().client().pageExecute(request, "GET").getBody();
        } catch (AlipayApiException e) {
            throw new ChannelUnavailable(NAME, "the phone cashier's URL could not be signed", e);
        }
    }

    @Override
    public ChannelState query(String reference) {
        var model = new AlipayTradeQueryModel();
        model.setOutTradeNo(reference);
        var request = new AlipayTradeQueryRequest();
        request.setBizModel(model);
        AlipayTradeQueryResponse answer = call(request);
        if (!answer.isSuccess()) {
            return notFoundOrUnavailable(reference, request, answer);
        }
        String status = answer.getTradeStatus();
        if (isOneOf(PAID, status) || ("TRADE_CLOSED".equals(status) && answer.getSendPayDate() != null)) {
            return new ChannelState.Paid(reference, answer.getTradeNo(), Yuan.parse(answer.getTotalAmount()),
                    answer.getBuyerUserId(), answer.getSendPayDate() == null ? null : answer.getSendPayDate().toInstant());
        }
        return switch (String.valueOf(status)) {
            case "WAIT_BUYER_PAY" -> new ChannelState.Pending(reference);
            case "TRADE_CLOSED" -> new ChannelState.Closed(reference);
            default -> throw new ChannelUnavailable(NAME, "unknown trade_status " + status);
        };
    }

    @Override
    public ChannelState close(String reference) {
        var model = new AlipayTradeCloseModel();
        model.setOutTradeNo(reference);
        var request = new AlipayTradeCloseRequest();
        request.setBizModel(model);
        AlipayResponse answer = call(request);
        if (answer.isSuccess()) {
            return new ChannelState.Closed(reference);
        }
        if ("ACQ.TRADE_STATUS_ERROR".equals(answer.getSubCode())) {
            return query(reference); // paid (or closed): as it is
        }
        return notFoundOrUnavailable(reference, request, answer);
    }

    /**
     * Alipay answers a refund reference it has seen with fund_change N (no money moved this time): the
     * refund is then asked for by its reference, so a repeated call reports the refund made the first time.
     * {@code total} is not sent: Alipay knows the trade's total and refuses more than is left.
     */
    @Override
    public RefundState refund(String reference, String refundReference, Money amount, Money total) {
        var model = new AlipayTradeRefundModel();
        model.setOutTradeNo(reference);
        model.setOutRequestNo(refundReference);
        model.setRefundAmount(Yuan.of(amount));
        var request = new AlipayTradeRefundRequest();
        request.setBizModel(model);
        AlipayTradeRefundResponse answer = call(request);
        if (!answer.isSuccess()) {
            return new RefundState.Refused(refundReference, answer.getSubCode());
        }
        if ("Y".equals(answer.getFundChange())) {
            return new RefundState.Refunded(refundReference, refundId(answer.getTradeNo(), refundReference), amount);
        }
        return refundAsRecorded(reference, refundReference);
    }

    private RefundState refundAsRecorded(String reference, String refundReference) {
        var model = new AlipayTradeFastpayRefundQueryModel();
        model.setOutTradeNo(reference);
        model.setOutRequestNo(refundReference);
        var request = new AlipayTradeFastpayRefundQueryRequest();
        request.setBizModel(model);
        AlipayTradeFastpayRefundQueryResponse answer = call(request);
        if (answer.isSuccess() && "REFUND_SUCCESS".equals(answer.getRefundStatus()) && answer.getRefundAmount() != null) {
            return new RefundState.Refunded(refundReference, refundId(answer.getTradeNo(), refundReference),
                    Yuan.parse(answer.getRefundAmount()));
        }
        return new RefundState.Processing(refundReference);
    }

    /** Alipay gives a refund no id of its own: it is known by the trade and our out_request_no. */
    private static String refundId(String tradeNo, String refundReference) {
        return tradeNo + "/" + refundReference;
    }

    @Override
    public ChannelState verifyNotification(Map<String, String> headers, String body) {
        return AlipayNotification.verify(body, connection().merchant());
    }

    @Override
    public Acknowledgement acknowledgement() {
        return new Acknowledgement(200, "text/plain", "success");
    }

    @Override
    public List<StatementLine> statement(LocalDate day) {
        var model = new AlipayDataDataserviceBillDownloadurlQueryModel();
        model.setBillType("trade");
        model.setBillDate(day.toString());
        var request = new AlipayDataDataserviceBillDownloadurlQueryRequest();
        request.setBizModel(model);
        var answer = call(request);
        if (!answer.isSuccess()) {
            throw new ChannelUnavailable(NAME, "no statement of " + day + ": " + answer.getSubCode());
        }
        try {
            HttpResponse<String> file = http.send(HttpRequest.newBuilder(URI.create(answer.getBillDownloadUrl()))
                    .timeout(config.readTimeout()).GET().build(), HttpResponse.BodyHandlers.ofString());
            if (file.statusCode() != 200) {
                throw new ChannelUnavailable(NAME, "the statement of " + day + " answered HTTP " + file.statusCode());
            }
            return AlipayStatement.parse(file.body());
        } catch (IllegalArgumentException e) {
            throw new ChannelUnavailable(NAME, "the statement of " + day + " cannot be read", e);
        } catch (IOException e) {
            throw new ChannelUnavailable(NAME, "the statement of " + day + " could not be fetched", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChannelUnavailable(NAME, "interrupted while fetching the statement of " + day, e);
        }
    }

    private ChannelState notFoundOrUnavailable(String reference, AlipayRequest<?> request, AlipayResponse answer) {
        if ("ACQ.TRADE_NOT_EXIST".equals(answer.getSubCode())) {
            return new ChannelState.NotFound(reference);
        }
        throw new ChannelUnavailable(NAME, request.getApiMethodName() + " answered " + answer.getCode() + " "
                + answer.getSubCode());
    }

    /** One signed call whose answer's signature the SDK checked; transient failures throw ChannelUnavailable. */
    private <T extends AlipayResponse> T call(AlipayRequest<T> request) {
        DefaultAlipayClient client = connection().client();
        T answer;
        try {
            answer = client.execute(request);
        } catch (AlipayApiException | RuntimeException e) {
            // No answer, an HTTP error, an unreadable answer, or one whose signature does not verify.
            throw new ChannelUnavailable(NAME, request.getApiMethodName() + " got no verified answer", e);
        }
        if ("20000".equals(answer.getCode()) || isOneOf(TRANSIENT, answer.getSubCode())) {
            throw new ChannelUnavailable(NAME, request.getApiMethodName() + " answered " + answer.getCode() + " "
                    + answer.getSubCode() + ": try again");
        }
        return answer;
    }

    /** Set.of(...).contains(null) throws; an absent code is simply none of them. */
    private static boolean isOneOf(Set<String> codes, String code) {
        return code != null && codes.contains(code);
    }

    private Connection connection() {
        Connection current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    AlipayMerchant merchant = AlipayMerchant.of(config).orElseThrow(() ->
                            new ChannelUnavailable(NAME, "not configured (quarkmall.pay.alipay: gateway URL, app id and keys)"));
                    connection = new Connection(merchant, client(merchant));
                }
                current = connection;
            }
        }
        return current;
    }

    private DefaultAlipayClient client(AlipayMerchant merchant) {
        var sdk = new com.alipay.api.AlipayConfig();
        sdk.setServerUrl(merchant.gatewayUrl());
        sdk.setAppId(merchant.appId());
        sdk.setPrivateKey(merchant.appPrivateKey());
        sdk.setAlipayPublicKey(merchant.alipayPublicKey());
        sdk.setFormat("json");
        sdk.setCharset("UTF-8");
        sdk.setSignType("RSA2");
        sdk.setConnectTimeout((int) config.connectTimeout().toMillis());
        sdk.setReadTimeout((int) config.readTimeout().toMillis());
        // Loading the SDK's client empties the JVM's jdk.certpath.disabledAlgorithms (for its certificate
        // mode, unused here); the JVM's own list is put back so no weak certificate is trusted anywhere.
        String disabledAlgorithms = Security.getProperty("jdk.certpath.disabledAlgorithms");
        try {
            return new DefaultAlipayClient(sdk);
        } catch (AlipayApiException e) {
            throw new ChannelUnavailable(NAME, "the SDK refused the merchant's settings", e);
        } finally {
            if (disabledAlgorithms != null) {
                Security.setProperty("jdk.certpath.disabledAlgorithms", disabledAlgorithms);
            }
        }
    }
}
