/// Baselines, targets and actuals as the ente's documents print them: the text as written when there is one,
/// otherwise the value in Italian notation; "—" when there is nothing.
extension Measure {
    public var italianText: String {
        raw ?? number.map { ItalianFormat.number($0, trimZeros: true) } ?? date?.italian ?? flag.map { $0 ? "SI" : "NO" } ?? text ?? "—"
    }
}

extension Target {
    public var italianText: String {
        if let raw { return raw }
        if let number {
            return ItalianFormat.number(number, trimZeros: true) + (upper.map { " – " + ItalianFormat.number($0, trimZeros: true) } ?? "")
        }
        return date?.italian ?? flag.map { $0 ? "SI" : "NO" } ?? relative ?? text ?? "—"
    }
}
