/// The act that approves a document (the Relazione sulla performance, the PIAO): recorded in Traguardo so it is
/// printed on the document's cover and annexed as the ente publishes it.
public struct Deliberation: Hashable, Sendable, Codable {
    /// "Giunta comunale", "Giunta dell'Unione".
    public var organ: String
    public var number: String?
    public var date: Day?
    /// The subject (OGGETTO) as the act writes it.
    public var subject: String?
    /// Pareri under art. 49 TUEL: regolarità tecnica, contabile.
    public var opinions: [Opinion]
    public var votes: Votes?
    /// Declared immediately executable (art. 134, c. 4, TUEL).
    public var immediatelyExecutable: Bool
    /// First day of publication on the Albo pretorio and how many days it lasts (15 by law).
    public var publishedOn: Day?
    public var publicationDays: Int

    public struct Opinion: Hashable, Sendable, Codable {
        /// "regolarità tecnica", "regolarità contabile".
        public var kind: String
        public var by: String
        public var favourable: Bool

        public init(kind: String, by: String, favourable: Bool = true) {
            self.kind = kind
            self.by = by
            self.favourable = favourable
        }
    }

    public struct Votes: Hashable, Sendable, Codable {
        public var favourable: Int
        public var against: Int
        public var abstained: Int

        public init(favourable: Int, against: Int = 0, abstained: Int = 0) {
            self.favourable = favourable
            self.against = against
            self.abstained = abstained
        }

        /// "unanimità (4 favorevoli)", "5 favorevoli, 1 contrario, 1 astenuto".
        public var italian: String {
            if against == 0 && abstained == 0 { return "all'unanimità (\(favourable) favorevoli)" }
            var parts = ["\(favourable) favorevol\(favourable == 1 ? "e" : "i")"]
            if against > 0 { parts.append("\(against) contrari\(against == 1 ? "o" : "")") }
            if abstained > 0 { parts.append("\(abstained) astenut\(abstained == 1 ? "o" : "i")") }
            return parts.joined(separator: ", ")
        }
    }

    public init(
        organ: String, number: String? = nil, date: Day? = nil, subject: String? = nil, opinions: [Opinion] = [], votes: Votes? = nil,
        immediatelyExecutable: Bool = false, publishedOn: Day? = nil, publicationDays: Int = 15
    ) {
        self.organ = organ
        self.number = number
        self.date = date
        self.subject = subject
        self.opinions = opinions
        self.votes = votes
        self.immediatelyExecutable = immediatelyExecutable
        self.publishedOn = publishedOn
        self.publicationDays = publicationDays
    }

    /// "Deliberazione della Giunta comunale n. 60 del 21/12/2021", "Deliberazione del Consiglio comunale …".
    public var label: String {
        let lower = organ.lowercased()
        let article =
            ["giunta", "conferenza", "assemblea"].contains { lower.hasPrefix($0) }
            ? "della" : ["consiglio", "commissario", "sindaco", "presidente"].contains { lower.hasPrefix($0) } ? "del" : "di"
        var s = "Deliberazione \(article) \(organ)"
        if let number { s += " n. \(number)" }
        if let date { s += " del \(date.italian)" }
        return s
    }
}

extension Deliberation {
    /// Only the organ is required; lists and flags fall back to "none".
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            organ: try c.decode(String.self, forKey: .organ), number: try c.decodeIfPresent(String.self, forKey: .number),
            date: try c.decodeIfPresent(Day.self, forKey: .date), subject: try c.decodeIfPresent(String.self, forKey: .subject),
            opinions: try c.decodeIfPresent([Opinion].self, forKey: .opinions) ?? [], votes: try c.decodeIfPresent(Votes.self, forKey: .votes),
            immediatelyExecutable: try c.decodeIfPresent(Bool.self, forKey: .immediatelyExecutable) ?? false,
            publishedOn: try c.decodeIfPresent(Day.self, forKey: .publishedOn),
            publicationDays: try c.decodeIfPresent(Int.self, forKey: .publicationDays) ?? 15)
    }
}
