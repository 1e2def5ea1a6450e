package io.quarkmall.loyalty.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;
import java.util.Map;

/** The daily check-in: which calendar it follows and what it earns. */
@ConfigMapping(prefix = "quarkmall.loyalty.check-in")
public interface CheckInConfig {

    /** The time zone whose calendar days a shopper checks in on (one check-in per day). */
    @WithDefault("Asia/Shanghai")
    ZoneId zone();

    /** Points every check-in earns. */
    @WithDefault("5")
    long basePoints();

    /** Extra points on a day of the streak: day number (1 = the first day) → bonus. */
    Map<String, Long> streakBonus();

    /** The bonuses repeat every this many days of a streak (0: they never repeat). */
    @WithDefault("7")
    int cycleDays();
}
