package io.quarkmall.pay.channel.wechat;

import com.wechat.pay.java.core.RSAPublicKeyConfig;
import com.wechat.pay.java.core.http.DefaultHttpClientBuilder;
import com.wechat.pay.java.core.http.HttpClient;
import com.wechat.pay.java.core.notification.NotificationParser;
import com.wechat.pay.java.service.billdownload.BillDownloadServiceExtension;
import com.wechat.pay.java.service.payments.h5.H5Service;
import com.wechat.pay.java.service.payments.nativepay.NativePayService;
import com.wechat.pay.java.service.refund.RefundService;
import java.io.IOException;
import java.net.URI;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The official SDK's services for one merchant, in the SDK's public-key mode ({@link RSAPublicKeyConfig}:
 * answers and notifications are verified with WeChat Pay's platform public key and its id), on an
 * OkHttp client that sends the SDK's requests for api.mch.weixin.qq.com to the configured base URL.
 */
record WechatPayClients(String mchid, String appid, NativePayService nativePay, H5Service h5, RefundService refunds,
                        BillDownloadServiceExtension bills, NotificationParser notifications) {

    static final String API_HOST = "api.mch.weixin.qq.com";

    /** Null while any of the merchant's ids or keys is not configured. */
    static WechatPayClients of(WechatPayConfig config) {
        if (config.mchid().isEmpty() || config.appid().isEmpty() || config.privateKey().isEmpty()
                || config.merchantSerialNumber().isEmpty() || config.apiV3Key().isEmpty()
                || config.platformPublicKey().isEmpty() || config.platformPublicKeyId().isEmpty()) {
            return null;
        }
        var merchant = new RSAPublicKeyConfig.Builder()
                .merchantId(config.mchid().get())
                .privateKey(config.privateKey().get())
                .merchantSerialNumber(config.merchantSerialNumber().get())
                .publicKey(config.platformPublicKey().get())
                .publicKeyId(config.platformPublicKeyId().get())
                .apiV3Key(config.apiV3Key().get())
                .build();
        HttpClient http = new DefaultHttpClientBuilder().config(merchant)
                .okHttpClient(new OkHttpClient.Builder().addInterceptor(new ToBaseUrl(config.baseUrl()))
                        .retryOnConnectionFailure(false).build())
                .connectTimeoutMs((int) config.connectTimeout().toMillis())
                .readTimeoutMs((int) config.readTimeout().toMillis())
                .writeTimeoutMs((int) config.readTimeout().toMillis())
                .build();
        return new WechatPayClients(config.mchid().get(), config.appid().get(),
                new NativePayService.Builder().httpClient(http).build(),
                new H5Service.Builder().httpClient(http).build(),
                new RefundService.Builder().httpClient(http).build(),
                new BillDownloadServiceExtension.Builder().httpClient(http).decryptor(merchant.createDecryptor()).build(),
                new NotificationParser(merchant));
    }

    /** The merchant's keys stay out of every log line. */
    @Override
    public String toString() {
        return "WeChat Pay clients of merchant " + mchid;
    }

    /**
     * Sends a request for api.mch.weixin.qq.com to the base URL's scheme, host and port; the path and
     * query stay, and they (not the host) are what the merchant's signature covers.
     */
    private record ToBaseUrl(URI base) implements Interceptor {
        @Override
        public Response intercept(Chain chain) throws IOException {
            Request request = chain.request();
            if (!request.url().host().equals(API_HOST) || base.getHost().equals(API_HOST)) {
                return chain.proceed(request);
            }
            HttpUrl url = request.url().newBuilder().scheme(base.getScheme()).host(base.getHost())
                    .port(base.getPort() == -1 ? HttpUrl.defaultPort(base.getScheme()) : base.getPort()).build();
            return chain.proceed(request.newBuilder().url(url).build());
        }
    }
}
