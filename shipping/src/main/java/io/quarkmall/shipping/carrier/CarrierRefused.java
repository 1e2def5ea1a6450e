package io.quarkmall.shipping.carrier;

/** The carrier answered and refused the call as made (a bad key, a field it rejects): an operator must look. */
public class CarrierRefused extends RuntimeException {

    public CarrierRefused(String message) {
        super(message);
    }
}
