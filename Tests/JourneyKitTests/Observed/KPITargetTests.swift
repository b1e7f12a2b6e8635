@testable import JourneyKit
import Testing

/// The target grammar of `--actuals` (docs/observed.md): targets × values → met, missed or not evaluated.
@Suite("Observed: KPI targets")
struct KPITargetTests {
    enum Outcome: String, Sendable { case met, missed, notEvaluated, unitMismatch }

    static let table: [(target: String, value: String, outcome: Outcome)] = [
        ("< 5 min", "12 min", .missed),
        ("< 5 min", "90 s", .met),
        ("< 2 min", "90 s", .met),
        ("< 2 min", "2 min", .missed),
        ("<= 2 min", "120 s", .met),
        ("≤ 2 min", "121 s", .missed),
        ("> 3 h", "3 h", .missed),
        (">= 3 h", "180 min", .met),
        ("≥ 1 d", "23 h", .missed),
        ("< 2 días", "1 d", .met),
        ("< 30 seg", "29 s", .met),
        ("< 500 ms", "0,4 s", .met),
        ("= 100 %", "100 %", .met),
        ("= 100 %", "99,9 %", .missed),
        ("95 %", "91 %", .missed),
        ("95 %", "95 %", .met),
        (">= 80%", "83,5%", .met),
        ("4,5", "4.7", .met),
        ("300", "280", .missed),
        ("< 5 min", "80 %", .unitMismatch),
        ("95 %", "12", .unitMismatch),
        ("menos de 15 minutos", "22 min", .notEvaluated),
        ("Fewer complaints", "3", .notEvaluated),
        ("< 5 horas", "1 h", .notEvaluated),
        ("", "1", .notEvaluated),
    ]

    @Test("targets × values", arguments: table.indices)
    func evaluates(index: Int) throws {
        let (targetText, valueText, expected) = Self.table[index]
        let value = try #require(KPIQuantity.parse(valueText), "\(valueText) should parse")
        let outcome: Outcome
        if let target = KPITarget.parse(targetText) {
            outcome = target.isMet(by: value).map { $0 ? .met : .missed } ?? .unitMismatch
        } else {
            outcome = .notEvaluated
        }
        #expect(outcome == expected, "\(targetText) against \(valueText)")
    }

    @Test("values that do not read as numbers", arguments: ["", "abc", "12 minutes", "1.2.3", "5 %%", "--3", ".5", "3,"])
    func rejectsValues(text: String) {
        #expect(KPIQuantity.parse(text) == nil)
    }

    @Test("a bare number means at least; units convert to seconds")
    func readsTargets() throws {
        let bare = try #require(KPITarget.parse("4"))
        #expect(bare.comparator == .atLeast)
        let duration = try #require(KPITarget.parse("<= 1,5 min"))
        #expect(duration.comparator == .atMost)
        #expect(duration.quantity == KPIQuantity(amount: 90, dimension: .duration))
    }
}
