package io.quarkmall.loyalty.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;

/** One draw of a lottery, never changed: who drew, its place in the lottery's sequence, and the prize won, if any. */
@Entity
public class LotteryDraw extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private long campaignId;
    private long sequence;
    private String shopperId;
    /** The shopper's pseudonym in the proof (see {@link DrawRandomness#participantOf}). */
    private String participant;
    private Long prizeId;
    private Instant drawnAt;

    protected LotteryDraw() {
    }

    static LotteryDraw record(long campaignId, long sequence, String shopperId, String participant, Long prizeId,
                              Instant now) {
        var draw = new LotteryDraw();
        draw.campaignId = campaignId;
        draw.sequence = sequence;
        draw.shopperId = shopperId;
        draw.participant = participant;
        draw.prizeId = prizeId;
        draw.drawnAt = now;
        draw.persist();
        return draw;
    }

    /** Every draw of the lottery, in sequence. */
    public static List<LotteryDraw> ofCampaign(long campaignId) {
        return list("campaignId", Sort.ascending("sequence"), campaignId);
    }

    public static long countOf(long campaignId, String shopperId) {
        return count("campaignId = ?1 and shopperId = ?2", campaignId, shopperId);
    }

    /** One shopper's draws of the lottery, in sequence. */
    public static List<LotteryDraw> ofShopper(long campaignId, String shopperId) {
        return list("campaignId = ?1 and shopperId = ?2", Sort.ascending("sequence"), campaignId, shopperId);
    }

    /** The draws that won a prize, in sequence: what operators fulfil. */
    public static List<LotteryDraw> wins(long campaignId, int page, int size) {
        return find("campaignId = ?1 and prizeId is not null", Sort.ascending("sequence"), campaignId)
                .page(Page.of(page, size)).list();
    }

    LotteryProof.ProvedDraw asProved() {
        return new LotteryProof.ProvedDraw(sequence, participant, prizeId);
    }

    public Long id() {
        return id;
    }

    public long campaignId() {
        return campaignId;
    }

    public long sequence() {
        return sequence;
    }

    public String shopperId() {
        return shopperId;
    }

    /** The prize won, or null for no prize. */
    public Long prizeId() {
        return prizeId;
    }

    public Instant drawnAt() {
        return drawnAt;
    }
}
