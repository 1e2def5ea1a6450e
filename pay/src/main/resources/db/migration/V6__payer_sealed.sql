-- The channel's id of the payer (Alipay's buyer id, WeChat Pay's openid), sealed under the shopper's data
-- key (SensitiveData): unreadable once the shopper's pay data is erased.
ALTER TABLE payment ADD COLUMN payer_sealed TEXT;
