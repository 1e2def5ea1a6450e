package io.quarkmall.stack;

/**
 * A route event of the SF-Express-like carrier sandbox: SF's opCode, the remark as SF writes it and the
 * city the event happens in (SF's acceptAddress).
 */
enum SandboxSfExpressOpCode {

    PICKED_UP("50", "顺丰速运 已收取快件", "深圳市"),
    ARRIVED_AT_SORTING_CENTRE("30", "快件到达 【上海浦东转运中心】", "上海市"),
    DEPARTED("36", "快件已发出", "上海市"),
    OUT_FOR_DELIVERY("44", "快件交给派送员，正在派送途中", "杭州市"),
    DELIVERED("80", "已签收，感谢使用顺丰", "杭州市"),
    HELD_UP("33", "快件滞留，派送时间延后", "上海市"),
    DELIVERY_FAILED("70", "派送异常，收件人电话无人接听", "杭州市"),
    RETURNED_TO_SENDER("99", "快件已退回寄件人", "深圳市"),
    LOST_IN_TRANSIT("631", "快件遗失，正在理赔", "上海市");

    /** SF's opCode, a string of digits as SF sends it. */
    final String code;
    final String remark;
    final String acceptAddress;

    SandboxSfExpressOpCode(String code, String remark, String acceptAddress) {
        this.code = code;
        this.remark = remark;
        this.acceptAddress = acceptAddress;
    }

    /** After this event no delivery is expected any more. */
    boolean endsHopeOfDelivery() {
        return this == RETURNED_TO_SENDER || this == LOST_IN_TRANSIT;
    }
}
