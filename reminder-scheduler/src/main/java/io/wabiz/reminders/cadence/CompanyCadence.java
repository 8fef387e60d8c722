package io.wabiz.reminders.cadence;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * How one ERP company reminds its customers: when its daily run happens, its dunning levels, and the smallest
 * residual worth a reminder per currency (a currency not listed: any residual above zero).
 */
public record CompanyCadence(String companyId, RunCalendar calendar, DunningSchedule schedule,
                             Map<String, BigDecimal> minimumResidual) {

    public CompanyCadence {
        Objects.requireNonNull(companyId, "companyId");
        Objects.requireNonNull(calendar, "calendar");
        Objects.requireNonNull(schedule, "schedule");
        minimumResidual = minimumResidual == null ? Map.of() : Map.copyOf(minimumResidual);
    }

    /** Whether {@code residual} is too small to remind: zero or less, or below the currency's minimum. */
    public boolean belowMinimum(BigDecimal residual, String currency) {
        if (residual == null || residual.signum() <= 0) {
            return true;
        }
        BigDecimal minimum = currency == null ? null : minimumResidual.get(currency.toUpperCase(Locale.ROOT));
        return minimum != null && residual.compareTo(minimum) < 0;
    }
}
