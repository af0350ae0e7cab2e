/// A member of staff (or an external manager such as a segretario in convenzione).
public struct Person: Hashable, Sendable, Codable {
    public var key: String
    public var familyName: String
    public var givenName: String
    /// Staff grade as the ente writes it: old CCNL categories ("C4", "D1") or new areas ("Funzionario EQ").
    public var staffGrade: String?
    public var position: String?
    public var homeUnitKey: String?
    public var email: String?

    public init(
        key: String, familyName: String, givenName: String, staffGrade: String? = nil, position: String? = nil,
        homeUnitKey: String? = nil, email: String? = nil
    ) {
        self.key = key
        self.familyName = familyName
        self.givenName = givenName
        self.staffGrade = staffGrade
        self.position = position
        self.homeUnitKey = homeUnitKey
        self.email = email
    }

    /// "BRAMBILLA Fabrizio": the documents' convention, surname first.
    public var displayName: String { givenName.isEmpty ? familyName : "\(familyName) \(givenName)" }
}
