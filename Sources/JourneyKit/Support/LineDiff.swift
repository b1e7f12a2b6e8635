/// A plain line diff of two texts, for when a journey cannot be compared by meaning (the
/// working copy does not validate yet): Myers' algorithm in linear space, so that two long
/// files with few differences take time proportional to their length.
public enum LineDiff {
    /// One line of the edit script.
    public enum Line: Sendable, Hashable {
        case same(String)
        case removed(String)
        case added(String)

        /// The line's text.
        public var text: String {
            switch self {
            case .same(let text), .removed(let text), .added(let text): text
            }
        }

        /// Whether the line was removed or added.
        var isChange: Bool { self != .same(text) }
    }

    /// The edit script that turns `old` into `new`, line by line.
    public static func script(_ old: [String], _ new: [String]) -> [Line] {
        var script: [Line] = []
        script.reserveCapacity(max(old.count, new.count))
        var search = Search(old: old, new: new)
        search.diff(0, old.count, 0, new.count, into: &script)
        // Within each run of changes, removed lines come before added ones, as diff prints them.
        var ordered: [Line] = []
        ordered.reserveCapacity(script.count)
        var added: [Line] = []
        for line in script {
            switch line {
            case .same: ordered += added; added.removeAll(); ordered.append(line)
            case .removed: ordered.append(line)
            case .added: added.append(line)
            }
        }
        return ordered + added
    }

    /// `old` and `new` as unified-diff hunks with `context` lines around each change, headed
    /// `--- oldName` and `+++ newName`; empty when the texts are equal.
    public static func unified(_ old: String, _ new: String, oldName: String, newName: String, context: Int = 3) -> String {
        let oldLines: [String] = old.lines, newLines: [String] = new.lines
        let script = Self.script(oldLines, newLines)
        guard script.contains(where: \.isChange) else { return "" }
        var out = ["--- " + oldName, "+++ " + newName]
        // The index in the script of each change, to cut hunks around them.
        let changed = script.indices.filter { script[$0].isChange }
        var hunks: [Range<Int>] = []
        for index in changed {
            let start = max(0, index - context), end = min(script.count, index + context + 1)
            if let last = hunks.last, start <= last.upperBound { hunks[hunks.count - 1] = last.lowerBound..<max(last.upperBound, end) } else { hunks.append(start..<end) }
        }
        // Line numbers at each script position.
        var oldLine = 1, newLine = 1
        var position = 0
        for hunk in hunks {
            while position < hunk.lowerBound {
                switch script[position] {
                case .same: oldLine += 1; newLine += 1
                case .removed: oldLine += 1
                case .added: newLine += 1
                }
                position += 1
            }
            let slice = script[hunk]
            let oldCount = slice.filter { $0 != .added($0.text) }.count
            let newCount = slice.filter { $0 != .removed($0.text) }.count
            out.append("@@ -\(oldCount == 0 ? oldLine - 1 : oldLine),\(oldCount) +\(newCount == 0 ? newLine - 1 : newLine),\(newCount) @@")
            for line in slice {
                switch line {
                case .same(let text): out.append(" " + text)
                case .removed(let text): out.append("-" + text)
                case .added(let text): out.append("+" + text)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The divide-and-conquer search: find the middle snake of the shortest edit path, then
    /// solve the halves before and after it.
    private struct Search {
        let old: [String]
        let new: [String]
        var forward: [Int] = []
        var backward: [Int] = []

        mutating func diff(_ oldStart: Int, _ oldEnd: Int, _ newStart: Int, _ newEnd: Int, into script: inout [Line]) {
            var oldStart = oldStart, newStart = newStart, oldEnd = oldEnd, newEnd = newEnd
            var suffix: [Line] = []
            while oldStart < oldEnd, newStart < newEnd, old[oldStart] == new[newStart] {
                script.append(.same(old[oldStart]))
                oldStart += 1
                newStart += 1
            }
            while oldStart < oldEnd, newStart < newEnd, old[oldEnd - 1] == new[newEnd - 1] {
                suffix.append(.same(old[oldEnd - 1]))
                oldEnd -= 1
                newEnd -= 1
            }
            if oldStart == oldEnd {
                for index in newStart..<newEnd { script.append(.added(new[index])) }
            } else if newStart == newEnd {
                for index in oldStart..<oldEnd { script.append(.removed(old[index])) }
            } else {
                // Both sides are non-empty and differ at both ends, so the path has at least two
                // edits and each half is strictly smaller.
                let (x, y, u, v) = middleSnake(oldStart, oldEnd, newStart, newEnd)
                diff(oldStart, x, newStart, y, into: &script)
                for index in x..<u { script.append(.same(old[index])) }
                _ = v
                diff(u, oldEnd, v, newEnd, into: &script)
            }
            script += suffix.reversed()
        }

        /// The snake (x, y) → (u, v) in the middle of a shortest edit path between the ranges.
        private mutating func middleSnake(_ oldStart: Int, _ oldEnd: Int, _ newStart: Int, _ newEnd: Int) -> (Int, Int, Int, Int) {
            let n = oldEnd - oldStart, m = newEnd - newStart
            let delta = n - m
            let odd = delta % 2 != 0
            let limit = (n + m + 1) / 2
            let offset = limit + 1
            let size = 2 * limit + 3
            if forward.count < size { forward = Array(repeating: 0, count: size); backward = Array(repeating: 0, count: size) }
            forward[offset + 1] = 0
            backward[offset + 1] = 0
            for d in 0...limit {
                for k in stride(from: -d, through: d, by: 2) {
                    var x = k == -d || (k != d && forward[offset + k - 1] < forward[offset + k + 1]) ? forward[offset + k + 1] : forward[offset + k - 1] + 1
                    var y = x - k
                    let startX = x, startY = y
                    while x < n, y < m, old[oldStart + x] == new[newStart + y] { x += 1; y += 1 }
                    forward[offset + k] = x
                    let reversed = delta - k
                    if odd, reversed >= -(d - 1), reversed <= d - 1, x + backward[offset + reversed] >= n {
                        return (oldStart + startX, newStart + startY, oldStart + x, newStart + y)
                    }
                }
                for k in stride(from: -d, through: d, by: 2) {
                    // Paths from the end, on the reversed ranges: x counts lines from the end.
                    var x = k == -d || (k != d && backward[offset + k - 1] < backward[offset + k + 1]) ? backward[offset + k + 1] : backward[offset + k - 1] + 1
                    var y = x - k
                    let startX = x, startY = y
                    while x < n, y < m, old[oldEnd - 1 - x] == new[newEnd - 1 - y] { x += 1; y += 1 }
                    backward[offset + k] = x
                    let forwardDiagonal = delta - k
                    if !odd, forwardDiagonal >= -d, forwardDiagonal <= d, x + forward[offset + forwardDiagonal] >= n {
                        return (oldEnd - x, newEnd - y, oldEnd - startX, newEnd - startY)
                    }
                }
            }
            // Unreachable: a path of at most n + m edits always exists.
            return (oldStart, newStart, oldStart, newStart)
        }
    }
}
