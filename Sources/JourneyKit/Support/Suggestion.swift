/// Finds the known word a misspelt one was most likely meant to be, for "did you mean …?" hints.
public enum Suggestion {
    /// The closest candidate within a small edit distance, or `nil` when nothing is close.
    public static func closest<S: Sequence<String>>(to word: String, among candidates: S) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        // Allow roughly one typo per four characters, at least one and at most three.
        let allowed = min(3, max(1, target.count / 4))
        var best: (word: String, distance: Int)?
        for candidate in candidates {
            let scalars = Array(candidate.lowercased().unicodeScalars)
            guard abs(scalars.count - target.count) <= allowed else { continue }
            let distance = editDistance(target, scalars)
            if distance <= allowed, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        return best?.word
    }

    /// "did you mean "x"?" when a candidate is close, or `fallback`.
    public static func hint<S: Sequence<String>>(for word: String, among candidates: S, fallback: String? = nil) -> String? {
        if let match = closest(to: word, among: candidates) { return "did you mean \"\(match)\"?" }
        return fallback
    }

    /// Edit distance counting insertions, deletions, substitutions and swaps of two neighbouring
    /// characters (the commonest typo) as one edit each.
    private static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var beforePrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], beforePrevious[j - 2] + 1)
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious)
        }
        return previous[b.count]
    }
}
