import Foundation
import JourneyKit

/// Today's date for `stale-evidence` when `--as-of` is absent. JourneyKit never reads a clock
/// (the same file must give the same findings in a test), so the executable asks Foundation.
enum Today {
    /// The local calendar day now.
    static var date: CalendarDate? {
        let parts = Calendar(identifier: .gregorian).dateComponents(in: TimeZone.current, from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return CalendarDate(year: year, month: month, day: day)
    }
}
