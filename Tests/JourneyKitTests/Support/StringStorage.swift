/// Whether two strings use the same UTF-8 storage, i.e. one allocation between them (the
/// importers intern ids: a reference shares its id's string).
func sharesStorage(_ first: String, _ second: String) -> Bool {
    var first = first
    var second = second
    return first.withUTF8 { a in second.withUTF8 { b in a.baseAddress == b.baseAddress } }
}
