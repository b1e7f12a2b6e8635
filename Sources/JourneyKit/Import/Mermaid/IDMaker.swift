/// Derives ids from names for formats that have names only (Mermaid): lowercase ASCII words
/// joined by `-`, accents folded (`María` → `maria`), made unique with `-2`, `-3`… in
/// document order, so the same diagram always gives the same ids.
struct IDMaker {
    /// Used when a name has no letters or digits to build on, and as a prefix when it starts with a digit.
    let fallback: String
    private var used: Set<String> = []
    /// The next suffix to try for each base, so that 20,000 tasks of the same name do not
    /// each probe `-2`, `-3`, … from the start (quadratic: 14 s; docs/robustness.md).
    private var nextNumber: [String: Int] = [:]

    init(fallback: String) {
        self.fallback = fallback
    }

    /// A new id for `name`, unique among the ids this maker has handed out.
    mutating func id(for name: String) -> String {
        var base = IDMaker.slug(name)
        if base.isEmpty {
            base = fallback
        } else if let first = base.utf8.first, !first.isASCIILetter {
            base = fallback + "-" + base
        }
        var candidate = base
        var number = nextNumber[base] ?? 2
        while used.contains(candidate) {
            candidate = "\(base)-\(number)"
            number += 1
        }
        nextNumber[base] = number
        used.insert(candidate)
        return candidate
    }

    /// `Pregúntanos por WhatsApp!` → `preguntanos-por-whatsapp`.
    static func slug(_ name: String) -> String {
        var result = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            let folded: String?
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                folded = String(scalar)
            } else if let ascii = asciiFolding[scalar] {
                folded = ascii
            } else if scalar.properties.canonicalCombiningClass != .notReordered || scalar == "'" || scalar == "\u{2019}" {
                // Accents written as combining marks, and apostrophes inside words (`don't` → `dont`).
                continue
            } else {
                folded = nil
            }
            if let folded {
                if pendingHyphen, !result.isEmpty { result += "-" }
                pendingHyphen = false
                result += folded
            } else {
                pendingHyphen = true
            }
        }
        return result
    }

    /// Lowercase Latin letters with accents or ligatures and the ASCII they fold to.
    private static let asciiFolding: [Unicode.Scalar: String] = {
        let groups: [(String, String)] = [
            ("a", "àáâãäåāăąǎǟǡǻȁȃȧ"), ("ae", "æ"), ("c", "çćĉċč"), ("d", "ðďđ"), ("e", "èéêëēĕėęěȅȇȩ"),
            ("f", "ƒ"), ("g", "ĝğġģǧǵ"), ("h", "ĥħȟ"), ("i", "ìíîïĩīĭįıǐȉȋ"), ("j", "ĵǰ"), ("k", "ķĸǩ"),
            ("l", "ĺļľŀł"), ("n", "ñńņňŋǹ"), ("o", "òóôõöøōŏőơǒǫǭȍȏȫȭȯȱ"), ("oe", "œ"), ("r", "ŕŗřȑȓ"),
            ("s", "śŝşšș"), ("ss", "ß"), ("t", "ţťŧț"), ("th", "þ"), ("u", "ùúûüũūŭůűųưǔǖǘǚǜȕȗ"),
            ("w", "ŵ"), ("y", "ýÿŷȳ"), ("z", "źżž"),
        ]
        var table: [Unicode.Scalar: String] = [:]
        for (ascii, letters) in groups {
            for scalar in letters.unicodeScalars { table[scalar] = ascii }
        }
        return table
    }()
}
