package io.quarkmall.cartorder.domain;

/** Why a shopper asks for money back without sending the goods back (refund only). */
public enum AfterSalesReason {
    /** The parcel never arrived, or arrived without these units. */
    NOT_RECEIVED,
    DAMAGED,
    WRONG_ITEM,
    NOT_AS_DESCRIBED,
    OTHER
}
