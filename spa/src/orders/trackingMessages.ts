/** The tracking list's texts, part of messages.ts's (which spreads them in): English, then Simplified Chinese. */
export const trackingEn = {
  'tracking.code.PICKED_UP': 'Picked up',
  'tracking.code.ARRIVED_AT_SORTING_CENTRE': 'Arrived at the sorting centre',
  'tracking.code.IN_TRANSIT': 'In transit',
  'tracking.code.OUT_FOR_DELIVERY': 'Out for delivery',
  'tracking.code.DELIVERED': 'Delivered',
  'tracking.code.CANCELLED': 'Not sent',
  'tracking.place.CN-SH-SORT': 'Shanghai sorting centre',
  'tracking.place.CN-HZ-HUB': 'Hangzhou hub',
  'tracking.place.DOORSTEP': 'At your door',
  'tracking.place.WAREHOUSE': 'Seller’s warehouse',
  'tracking.eta': 'Expected by {time}',
} as const;

export const trackingZhCN: Record<keyof typeof trackingEn, string> = {
  'tracking.code.PICKED_UP': '已揽收',
  'tracking.code.ARRIVED_AT_SORTING_CENTRE': '已到达分拣中心',
  'tracking.code.IN_TRANSIT': '运输中',
  'tracking.code.OUT_FOR_DELIVERY': '派送中',
  'tracking.code.DELIVERED': '已签收',
  'tracking.code.CANCELLED': '未发出',
  'tracking.place.CN-SH-SORT': '上海分拣中心',
  'tracking.place.CN-HZ-HUB': '杭州转运中心',
  'tracking.place.DOORSTEP': '收件地址',
  'tracking.place.WAREHOUSE': '商家仓库',
  'tracking.eta': '预计 {time} 送达',
};
