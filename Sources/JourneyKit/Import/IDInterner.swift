/// Ids read from one file, so that an element's id and every reference to it share one string.
///
/// Swift keeps texts of up to 15 UTF-8 bytes inline; a longer id (`touchpoint-12345`) is an
/// allocation of its own each time it is read. Keeping the first and handing it out again for
/// each later reference saves that allocation for every `next` entry and other reference
/// (issue 19: names and ids stored once).
struct IDInterner {
    private var longIDs: Set<String> = []

    /// `id`, or the same text read before, whose storage it then shares.
    mutating func callAsFunction(_ id: String) -> String {
        id.utf8.count > 15 ? longIDs.insert(id).memberAfterInsert : id
    }
}
