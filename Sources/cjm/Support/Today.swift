import JourneyKit

/// Today's date for `stale-evidence` when `--as-of` is absent. JourneyKit never reads a clock
/// (the same file must give the same findings in a test), so the executable asks the C library.
enum Today {
    /// The local calendar day now (the time zone from `TZ`, else the system's).
    ///
    /// `localtime_r`, not Foundation's `Calendar`: building a Gregorian calendar costs a small
    /// `cjm check` about 1.5 M instructions, a tenth of what it does beyond `cjm --version`.
    static var date: CalendarDate? {
        var now = time(nil)
        var parts = tm()
        guard localtime_r(&now, &parts) != nil else { return nil }
        return CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
    }
}
