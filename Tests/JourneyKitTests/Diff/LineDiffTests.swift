import Foundation
@testable import JourneyKit
import Testing

/// Issue 16 item 17: the plain line diff git-diff falls back to on an invalid working copy.
@Suite("Line diff")
struct LineDiffTests {
    /// The length of a longest common subsequence, by the textbook table (small inputs only).
    static func lcsLength(_ a: [String], _ b: [String]) -> Int {
        var table = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in stride(from: a.count - 1, through: 0, by: -1) {
            for j in stride(from: b.count - 1, through: 0, by: -1) {
                table[i][j] = a[i] == b[j] ? table[i + 1][j + 1] + 1 : max(table[i + 1][j], table[i][j + 1])
            }
        }
        return table[0][0]
    }

    @Test("the script turns old into new with as few edits as possible, on random texts")
    func minimalAndCorrect() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let old = (0..<Int.random(in: 0...14, using: &generator)).map { _ in ["a", "b", "c", "d"].randomElement(using: &generator)! }
            let new = (0..<Int.random(in: 0...14, using: &generator)).map { _ in ["a", "b", "c", "d"].randomElement(using: &generator)! }
            let script = LineDiff.script(old, new)
            let kept = script.filter { !$0.isChange }.map(\.text)
            let fromOld = script.filter { $0 != .added($0.text) }.map(\.text)
            let toNew = script.filter { $0 != .removed($0.text) }.map(\.text)
            #expect(fromOld == old && toNew == new, "\(old) → \(new): \(script)")
            #expect(kept.count == Self.lcsLength(old, new), "\(old) → \(new): not minimal")
        }
    }

    @Test("unified hunks with line numbers and three lines of context; nothing for equal texts")
    func unified() {
        let old = (1...10).map { "line \($0)" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "line 5\n", with: "line five\n")
        #expect(LineDiff.unified(old, old, oldName: "a", newName: "b") == "")
        #expect(LineDiff.unified(old, new, oldName: "a/x", newName: "b/x") == """
            --- a/x
            +++ b/x
            @@ -2,7 +2,7 @@
             line 2
             line 3
             line 4
            -line 5
            +line five
             line 6
             line 7
             line 8

            """)
    }

    @Test("long files with one change take time linear in their length")
    func linear() {
        let lines = (0..<200_000).map { "line \($0)" }
        var changed = lines
        changed[100_000] = "changed"
        changed.insert("inserted", at: 150_000)
        let script = LineDiff.script(lines, changed)
        #expect(script.filter(\.isChange).count == 3)
    }

    @Test("cjm git-diff on an invalid working copy prints the located errors and a line diff")
    func gitDiffOnInvalidFile() throws {
        let folder = try TemporaryFolder()
        let original = try String(contentsOf: Paths.samples.appendingPathComponent("minimal.journey.json"), encoding: .utf8)
        let old = try folder.write(original, to: "old.journey.json")
        let broken = original.replacingOccurrences(of: "\"title\": \"Ordering coffee ahead\"", with: "\"title\": \"Ordering coffee ahead, v2\",\n  \"colour\": 3")
        let new = try folder.write(broken, to: "coffee.journey.json")
        let result = try CLI.run(["git-diff", "coffee.journey.json", old.path, "0000000", "100644", new.path, "0000000", "100644"])
        #expect(result.status == 0)
        #expect(result.standardOutput.contains("cjm could not compare this journey by meaning"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("coffee.journey.json:4:3: error: unknown key \"colour\""), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("""
            --- a/coffee.journey.json
            +++ b/coffee.journey.json
            """))
        #expect(result.standardOutput.contains("-  \"title\": \"Ordering coffee ahead\",\n+  \"title\": \"Ordering coffee ahead, v2\",\n+  \"colour\": 3,"), "\(result.standardOutput)")
    }
}
