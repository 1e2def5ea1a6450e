package io.quarkmall.stack;

/**
 * How the Kuaidi100-like aggregator sandbox reports a scan of a scripted journey: a state (Kuaidi100's
 * {@code state}: 1 揽收, 0 在途, 5 派件, 3 签收, 2 疑难, 6 退回), a sub-state code in the manner of its
 * {@code resultv2} codes, the text (context) and the city (areaName). The journeys are those of the SF-like
 * sandbox ({@link SandboxSfExpressJourney}); the aggregator only words them its own way.
 */
enum SandboxKuaidi100Status {

    PICKED_UP(SandboxSfExpressOpCode.PICKED_UP, "1", "103", "快递员已揽件", "深圳市"),
    ARRIVED_AT_SORTING_CENTRE(SandboxSfExpressOpCode.ARRIVED_AT_SORTING_CENTRE, "0", "1001", "快件已到达【上海转运中心】", "上海市"),
    DEPARTED(SandboxSfExpressOpCode.DEPARTED, "0", "1002", "快件已从【上海转运中心】发出，干线运输中", "上海市"),
    OUT_FOR_DELIVERY(SandboxSfExpressOpCode.OUT_FOR_DELIVERY, "5", "501", "快件正在派送中", "杭州市"),
    DELIVERED(SandboxSfExpressOpCode.DELIVERED, "3", "301", "快件已签收", "杭州市"),
    HELD_UP(SandboxSfExpressOpCode.HELD_UP, "2", "208", "快件滞留，派送时间延后", "上海市"),
    DELIVERY_FAILED(SandboxSfExpressOpCode.DELIVERY_FAILED, "2", "204", "派件异常：收件人电话无人接听", "杭州市"),
    RETURNED_TO_SENDER(SandboxSfExpressOpCode.RETURNED_TO_SENDER, "6", "601", "快件已退回寄件人", "深圳市"),
    LOST_IN_TRANSIT(SandboxSfExpressOpCode.LOST_IN_TRANSIT, "2", "209", "快件遗失，正在理赔", "上海市");

    final SandboxSfExpressOpCode op;
    final String state;
    final String statusCode;
    final String context;
    final String areaName;

    SandboxKuaidi100Status(SandboxSfExpressOpCode op, String state, String statusCode, String context, String areaName) {
        this.op = op;
        this.state = state;
        this.statusCode = statusCode;
        this.context = context;
        this.areaName = areaName;
    }

    static SandboxKuaidi100Status of(SandboxSfExpressOpCode op) {
        for (SandboxKuaidi100Status status : values()) {
            if (status.op == op) {
                return status;
            }
        }
        throw new IllegalArgumentException("no aggregator wording for " + op);
    }

    /** Kuaidi100's {@code ischeck}: the parcel's journey has ended (signed for, returned or lost). */
    boolean ends() {
        return this == DELIVERED || op.endsHopeOfDelivery();
    }
}
