package io.quarkmall.pay.channel.wechat;

import com.google.gson.JsonParseException;
import com.wechat.pay.java.core.exception.HttpException;
import com.wechat.pay.java.core.exception.MalformedMessageException;
import com.wechat.pay.java.core.exception.ServiceException;
import com.wechat.pay.java.core.exception.WechatPayException;
import com.wechat.pay.java.core.notification.Notification;
import com.wechat.pay.java.core.notification.RequestParam;
import com.wechat.pay.java.core.util.GsonUtil;
import com.wechat.pay.java.service.billdownload.model.BillType;
import com.wechat.pay.java.service.billdownload.model.GetTradeBillRequest;
import com.wechat.pay.java.service.payments.h5.model.H5Info;
import com.wechat.pay.java.service.payments.h5.model.SceneInfo;
import com.wechat.pay.java.service.payments.model.Transaction;
import com.wechat.pay.java.service.payments.nativepay.model.Amount;
import com.wechat.pay.java.service.payments.nativepay.model.CloseOrderRequest;
import com.wechat.pay.java.service.payments.nativepay.model.PrepayRequest;
import com.wechat.pay.java.service.payments.nativepay.model.QueryOrderByOutTradeNoRequest;
import com.wechat.pay.java.service.refund.model.AmountReq;
import com.wechat.pay.java.service.refund.model.CreateRequest;
import io.quarkmall.common.money.Money;
import io.quarkmall.pay.channel.ChannelUnavailable;
import io.quarkmall.pay.channel.InvalidNotification;
import io.quarkmall.pay.channel.PaymentChannel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * WeChat Pay API v3 through the official SDK: Native (a QR code's code_url) on a desktop, H5 (a page's
 * h5_url) on a phone, query and close by out_trade_no (our reference), refunds by out_refund_no, the daily
 * trade bill, and notifications verified with the platform public key and decrypted with the APIv3 key.
 * A 5xx, 429 or no answer at all is {@link ChannelUnavailable}; a 4xx is WeChat Pay's word on the call.
 */
@ApplicationScoped
public class WechatPayChannel implements PaymentChannel {

    private static final Logger LOG = Logger.getLogger(WechatPayChannel.class);
    private static final String NAME = "wechat";
    /** H5 asks for the payer's IP; the contract's request does not carry it, so the loopback stands in. */
    private static final String PAYER_CLIENT_IP = "127.0.0.1";

    private final WechatPayConfig config;
    private final Clock clock;
    private WechatPayClients clients;

    WechatPayChannel(WechatPayConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    @PostConstruct
    void connect() {
        clients = WechatPayClients.of(config);
        if (clients == null) {
            LOG.info("WeChat Pay is not configured (quarkmall.pay.wechat.*): the channel answers unavailable");
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Started start(ChargeRequest request) {
        if (!WechatPayAnswers.CNY.equals(request.amount().currency())) {
            throw new IllegalArgumentException("WeChat Pay takes CNY only, not " + request.amount().currency());
        }
        WechatPayClients sdk = sdk();
        try {
            return switch (request.presentation()) {
                case QR_CODE -> new Started.QrCode(call(() -> sdk.nativePay().prepay(nativeRequest(sdk, request))).getCodeUrl());
                case REDIRECT -> new Started.Redirect(h5Url(call(() -> sdk.h5().prepay(h5Request(sdk, request))).getH5Url(),
                        request.returnUrl()));
                case TOKEN -> throw new IllegalArgumentException("WeChat Pay takes no card tokens");
            };
        } catch (ServiceException e) {
            return switch (String.valueOf(e.getErrorCode())) {
                case "ORDERPAID" -> new Started.Settled(query(request.reference()));
                case "ORDER_CLOSED" -> new Started.Settled(new ChannelState.Closed(request.reference()));
                default -> new Started.Settled(new ChannelState.Failed(request.reference(), String.valueOf(e.getErrorCode())));
            };
        }
    }

    @Override
    public ChannelState query(String reference) {
        WechatPayClients sdk = sdk();
        var request = new QueryOrderByOutTradeNoRequest();
        request.setOutTradeNo(reference);
        request.setMchid(sdk.mchid());
        try {
            return WechatPayAnswers.state(call(() -> sdk.nativePay().queryOrderByOutTradeNo(request)));
        } catch (ServiceException e) {
            if ("ORDER_NOT_EXIST".equals(e.getErrorCode()) || e.getHttpStatusCode() == 404) {
                return new ChannelState.NotFound(reference);
            }
            throw new IllegalStateException("WeChat Pay refused to say how trade " + reference + " stands: " + e.getErrorCode());
        }
    }

    /** Closing a paid trade is refused (ORDERPAID) and changes nothing: the answer is then what a query says. */
    @Override
    public ChannelState close(String reference) {
        WechatPayClients sdk = sdk();
        var request = new CloseOrderRequest();
        request.setOutTradeNo(reference);
        request.setMchid(sdk.mchid());
        try {
            call(() -> {
                sdk.nativePay().closeOrder(request);
                return null;
            });
        } catch (ServiceException e) {
            if ("ORDER_NOT_EXIST".equals(e.getErrorCode())) {
                return new ChannelState.NotFound(reference);
            }
            if (!"ORDERPAID".equals(e.getErrorCode())) {
                throw new IllegalStateException("WeChat Pay refused to close trade " + reference + ": " + e.getErrorCode());
            }
        }
        return query(reference);
    }

    @Override
    public RefundState refund(String reference, String refundReference, Money amount, Money total) {
        WechatPayClients sdk = sdk();
        var money = new AmountReq();
        money.setRefund(amount.amountMinor());
        money.setTotal(total.amountMinor());
        money.setCurrency(amount.currency());
        var request = new CreateRequest();
        request.setOutTradeNo(reference);
        request.setOutRefundNo(refundReference);
        request.setAmount(money);
        try {
            return WechatPayAnswers.refund(call(() -> sdk.refunds().create(request)), refundReference);
        } catch (ServiceException e) {
            return new RefundState.Refused(refundReference, String.valueOf(e.getErrorCode()));
        }
    }

    /**
     * The SDK's NotificationParser checks the {@code Wechatpay-Signature} against the platform public key
     * and decrypts the resource; the signing time must be within {@code notification-max-age} of now.
     */
    @Override
    public ChannelState verifyNotification(Map<String, String> headers, String body) {
        WechatPayClients sdk = sdk();
        String timestamp = headers.get("wechatpay-timestamp");
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(String.valueOf(timestamp)));
            if (Duration.between(signedAt, clock.instant()).abs().compareTo(config.notificationMaxAge()) > 0) {
                throw new InvalidNotification("WeChat Pay notification signed at " + signedAt + ": too old or from the future");
            }
            var param = new RequestParam.Builder().serialNumber(headers.get("wechatpay-serial"))
                    .nonce(headers.get("wechatpay-nonce")).signature(headers.get("wechatpay-signature"))
                    .signType(headers.getOrDefault("wechatpay-signature-type", "WECHATPAY2-SHA256-RSA2048"))
                    .timestamp(timestamp).body(body).build();
            Transaction transaction = sdk.notifications().parse(param, Transaction.class);
            String eventType = GsonUtil.getGson().fromJson(body, Notification.class).getEventType();
            if (eventType == null || !eventType.startsWith("TRANSACTION.")) {
                throw new InvalidNotification("not a payment notification: " + eventType);
            }
            if (!sdk.mchid().equals(transaction.getMchid()) || !sdk.appid().equals(transaction.getAppid())
                    || transaction.getOutTradeNo() == null) {
                throw new InvalidNotification("WeChat Pay notification of another merchant or without out_trade_no");
            }
            return WechatPayAnswers.state(transaction);
        } catch (NumberFormatException e) {
            throw new InvalidNotification("WeChat Pay notification without a Wechatpay-Timestamp");
        } catch (WechatPayException | JsonParseException | IllegalArgumentException | NullPointerException e) {
            throw new InvalidNotification("WeChat Pay notification does not verify or cannot be decrypted", e);
        }
    }

    /** WeChat Pay takes 200 or 204 with no body as "handled": it stops sending the notification. */
    @Override
    public Acknowledgement acknowledgement() {
        return new Acknowledgement(204, null, null);
    }

    /** The trade bill of the day, its SHA1 checked against the signed answer that named it. */
    @Override
    public List<StatementLine> statement(LocalDate day) {
        WechatPayClients sdk = sdk();
        var request = new GetTradeBillRequest();
        request.setBillDate(day.toString());
        request.setBillType(BillType.ALL);
        return call(() -> {
            var bill = sdk.bills().getTradeBill(request);
            String csv;
            try (InputStream in = bill.getInputStream()) {
                csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ChannelUnavailable(NAME, "the trade bill of " + day + " could not be read", e);
            }
            if (!bill.verifyHash()) {
                throw new ChannelUnavailable(NAME, "the trade bill of " + day + " does not match its SHA1");
            }
            return WechatPayAnswers.statement(csv);
        });
    }

    private WechatPayClients sdk() {
        if (clients == null) {
            throw new ChannelUnavailable(NAME, "not configured");
        }
        return clients;
    }

    /**
     * Runs one SDK call. No answer, a 5xx or 429, or an answer whose signature does not verify (it cannot be
     * trusted) is {@link ChannelUnavailable}; another {@link ServiceException} is WeChat Pay's answer, for the caller.
     */
    private static <T> T call(Supplier<T> sdkCall) {
        try {
            return sdkCall.get();
        } catch (ServiceException e) {
            if (e.getHttpStatusCode() >= 500 || e.getHttpStatusCode() == 429) {
                throw new ChannelUnavailable(NAME, "answered " + e.getHttpStatusCode() + " " + e.getErrorCode(), e);
            }
            throw e;
        } catch (HttpException e) {
            throw new ChannelUnavailable(NAME, "did not answer", e);
        } catch (JsonParseException e) {
            throw new ChannelUnavailable(NAME, "answered an error that is not WeChat Pay's JSON", e);
        } catch (MalformedMessageException | com.wechat.pay.java.core.exception.ValidationException e) {
            LOG.warnf("WeChat Pay answered with a body or signature that does not verify: %s", e.getClass().getSimpleName());
            throw new ChannelUnavailable(NAME, "answered with a body or signature that does not verify", e);
        }
    }

    private PrepayRequest nativeRequest(WechatPayClients sdk, ChargeRequest request) {
        var amount = new Amount();
        amount.setTotal(Math.toIntExact(request.amount().amountMinor()));
        amount.setCurrency(WechatPayAnswers.CNY);
        var prepay = new PrepayRequest();
        prepay.setAppid(sdk.appid());
        prepay.setMchid(sdk.mchid());
        prepay.setDescription(request.subject());
        prepay.setOutTradeNo(request.reference());
        prepay.setNotifyUrl(config.notifyUrl());
        prepay.setAmount(amount);
        return prepay;
    }

    private com.wechat.pay.java.service.payments.h5.model.PrepayRequest h5Request(WechatPayClients sdk, ChargeRequest request) {
        var amount = new com.wechat.pay.java.service.payments.h5.model.Amount();
        amount.setTotal(Math.toIntExact(request.amount().amountMinor()));
        amount.setCurrency(WechatPayAnswers.CNY);
        var h5Info = new H5Info();
        h5Info.setType("Wap");
        var scene = new SceneInfo();
        scene.setPayerClientIp(PAYER_CLIENT_IP);
        scene.setH5Info(h5Info);
        var prepay = new com.wechat.pay.java.service.payments.h5.model.PrepayRequest();
        prepay.setAppid(sdk.appid());
        prepay.setMchid(sdk.mchid());
        prepay.setDescription(request.subject());
        prepay.setOutTradeNo(request.reference());
        prepay.setNotifyUrl(config.notifyUrl());
        prepay.setAmount(amount);
        prepay.setSceneInfo(scene);
        return prepay;
    }

    /** WeChat Pay's H5 page sends the browser back to {@code redirect_url}, appended to the h5_url by the merchant. */
    private static String h5Url(String h5Url, String returnUrl) {
        return returnUrl == null ? h5Url
                : h5Url + (h5Url.contains("?") ? "&" : "?") + "redirect_url=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
    }
}
