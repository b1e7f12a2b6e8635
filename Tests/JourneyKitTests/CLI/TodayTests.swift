import Foundation
import JourneyKit
import Testing
@testable import cjm

/// The day `stale-evidence` compares with when neither `--as-of` nor `asOf` is given.
@Suite("Today")
struct TodayTests {
    @Test("today is the local calendar day Foundation's Gregorian calendar gives")
    func localDay() throws {
        let calendar = Calendar(identifier: .gregorian)
        let before = calendar.dateComponents(in: TimeZone.current, from: Date())
        let today = try #require(Today.date)
        let after = calendar.dateComponents(in: TimeZone.current, from: Date())
        // Around midnight the day may turn between the readings; either side is right.
        let days = [before, after].map { CalendarDate(year: $0.year ?? 0, month: $0.month ?? 0, day: $0.day ?? 0) }
        #expect(days.contains(today), "\(today) not in \(days)")
    }
}
