import JourneyKit

/// A short unified diff between a file and what a command would write instead (`fmt --check`):
/// one hunk from the first differing line to the last, with context, cut after a few lines so
/// that a large file that differs throughout says so in a screenful. Linear in the files' size.
enum ShortDiff {
    /// Lines of context before and after the changed lines.
    static let contextLines = 2
    /// The most removed and added lines shown; the rest is counted.
    static let shownChangedLines = 12

    /// The diff of `old` (the file as it is) and `new`, headed `--- path` / `+++ path (label)`;
    /// empty when they are the same.
    static func text(old: String, new: String, path: String, label: String) -> String {
        let oldLines = lines(old), newLines = lines(new)
        var prefix = 0
        while prefix < oldLines.count, prefix < newLines.count, oldLines[prefix] == newLines[prefix] { prefix += 1 }
        guard prefix < oldLines.count || prefix < newLines.count else { return "" }
        var suffix = 0
        while suffix < oldLines.count - prefix, suffix < newLines.count - prefix,
              oldLines[oldLines.count - 1 - suffix] == newLines[newLines.count - 1 - suffix] { suffix += 1 }
        let removed = oldLines[prefix..<(oldLines.count - suffix)]
        let added = newLines[prefix..<(newLines.count - suffix)]
        let start = max(0, prefix - contextLines)
        let before = oldLines[start..<prefix]
        let after = oldLines[(oldLines.count - suffix)..<min(oldLines.count, oldLines.count - suffix + contextLines)]
        var out = ["--- \(path)", "+++ \(path) (\(label))",
                   "@@ -\(start + 1),\(before.count + removed.count + after.count) +\(start + 1),\(before.count + added.count + after.count) @@"]
        out += before.map { " " + $0 }
        // The room is shared, so that a file rewritten throughout shows both what is and what would be.
        let removedShown = min(removed.count, max(shownChangedLines / 2, shownChangedLines - added.count))
        let addedShown = min(added.count, shownChangedLines - removedShown)
        for (sign, changed, shown) in [("-", removed, removedShown), ("+", added, addedShown)] {
            out += changed.prefix(shown).map { sign + $0 }
            if changed.count > shown { out.append("… \(changed.count - shown) more \(sign) lines") }
        }
        out += after.map { " " + $0 }
        return out.map(TerminalText.sanitize).joined(separator: "\n") + "\n"
    }

    private static func lines(_ text: String) -> [Substring] {
        text.split(separator: "\n", omittingEmptySubsequences: false)
    }
}
